<?php
/**
 * Installs a fresh WordPress for the WordPress test tier (run by xtask/src/wordpress.rs with
 * php-cli, inside the site directory it prepared): the site, an administrator, an Author (who
 * lacks unfiltered_html, as on any single site) with an application password for the REST API.
 * Prints one JSON object with the credentials on its last line. Nothing here touches the
 * plugin: the test uploads and activates the built zip through WordPress's own admin screens.
 *
 * Usage: php setup.php SITE_DIR URL
 */

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php setup.php SITE_DIR URL\n" );
	exit( 2 );
}
// The tier has no mail server: wp_install() mails the administrator, so the mailer is replaced
// (pluggable functions are defined only when nobody defined them first).
function wp_mail() {
	return true;
}
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST']   = parse_url( $argv[2], PHP_URL_HOST ) . ':' . parse_url( $argv[2], PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$admin_password = wp_generate_password( 24, false );
$installed      = wp_install( 'Role comparison test site', 'admin', 'admin@example.invalid', false, '', $admin_password );
$author_password = wp_generate_password( 24, false );
$author_id       = wp_insert_user(
	array(
		'user_login' => 'author',
		'user_pass'  => $author_password,
		'user_email' => 'author@example.invalid',
		'role'       => 'author',
	)
);
if ( is_wp_error( $author_id ) ) {
	fwrite( STDERR, $author_id->get_error_message() . "\n" );
	exit( 1 );
}
// The block theme Debian ships (wordpress-theme-twentytwentythree), as a new site would have it.
switch_theme( 'twentytwentythree' );
list( $app_password ) = WP_Application_Passwords::create_new_application_password( $author_id, array( 'name' => 'role-compare tier' ) );
echo wp_json_encode(
	array(
		'admin'       => array( 'user' => 'admin', 'password' => $admin_password ),
		'author'      => array( 'user' => 'author', 'password' => $author_password, 'appPassword' => $app_password, 'id' => $author_id ),
		'authorCanUnfilteredHtml' => user_can( $author_id, 'unfiltered_html' ),
	)
) . "\n";
