<?php
/**
 * Router for PHP's built-in server running a subdirectory WordPress network in the WordPress
 * test tier: the rewrite rules WordPress gives Apache for such a network (.htaccess), so that
 * /site2/wp-admin/… and /site2/wp-includes/… reach the shared files and every other path
 * reaches index.php. Existing files are served as they are.
 */

$root = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$path = rawurldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( false !== strpos( $path, '..' ) ) {
	http_response_code( 400 );
	return true;
}
if ( is_file( $root . $path ) ) {
	return false;
}
$target = $path;
if ( preg_match( '#^/[_0-9a-zA-Z-]+(/wp-(?:content|admin|includes).*)$#', $path, $m ) ) {
	$target = $m[1];
} elseif ( preg_match( '#^/[_0-9a-zA-Z-]+(/.*\.php)$#', $path, $m ) ) {
	$target = $m[1];
}
if ( is_dir( $root . $target ) ) {
	$target = rtrim( $target, '/' ) . '/index.php';
}
if ( ! is_file( $root . $target ) ) {
	$target = '/index.php';
}
$file = $root . $target;
if ( substr( $file, -4 ) === '.php' ) {
	// WordPress reads the script from PHP_SELF (for $pagenow) and the site from REQUEST_URI.
	$_SERVER['SCRIPT_FILENAME'] = $file;
	$_SERVER['SCRIPT_NAME']     = $target;
	$_SERVER['PHP_SELF']        = '/index.php' === $target ? $target : $path;
	chdir( dirname( $file ) );
	require $file;
	return true;
}
$types = array(
	'css'   => 'text/css',
	'js'    => 'text/javascript',
	'json'  => 'application/json',
	'wasm'  => 'application/wasm',
	'svg'   => 'image/svg+xml',
	'png'   => 'image/png',
	'gif'   => 'image/gif',
	'jpg'   => 'image/jpeg',
	'woff2' => 'font/woff2',
	'html'  => 'text/html; charset=utf-8',
);
$ext = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
header( 'Content-Type: ' . ( $types[ $ext ] ?? 'application/octet-stream' ) );
header( 'Content-Length: ' . filesize( $file ) );
readfile( $file );
return true;
