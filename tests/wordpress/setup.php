<?php
/**
 * Installs a fresh WordPress for the WordPress test tier (run by xtask/src/wordpress.rs with
 * php-cli, on the site directory and database it prepared). Prints one JSON object with the
 * accounts on its last line. Nothing here touches the plugin: the specs upload and activate the
 * built zip through WordPress's own admin screens.
 *
 * Stages:
 * - single: a site, its administrator, and an Author (who lacks unfiltered_html, as on any
 *   single site) with an application password for the REST API.
 * - network: a site made into a subdirectory network (the tables, and the multisite constants
 *   in wp-config-network.php, which wp-config.php includes). Prints {}.
 * - network-sites (a new process, so WordPress boots as a network): a second site, /site2/,
 *   and its administrator, who is no super admin and so lacks unfiltered_html, with an
 *   application password.
 *
 * Usage: php setup.php SITE_DIR URL STAGE
 */

if ( PHP_SAPI !== 'cli' || $argc < 4 ) {
	fwrite( STDERR, "usage: php setup.php SITE_DIR URL single|network|network-sites\n" );
	exit( 2 );
}
list( , $site_dir, $url, $stage ) = $argv;
$host = parse_url( $url, PHP_URL_HOST ) . ':' . parse_url( $url, PHP_URL_PORT );

// The tier has no mail server: WordPress mails new administrators and users, so the mailer is
// replaced (pluggable functions are defined only when nobody defined them first).
function wp_mail() {
	return true;
}

$_SERVER['HTTP_HOST']   = $host;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PORT'] = parse_url( $url, PHP_URL_PORT );
if ( 'network-sites' !== $stage ) {
	define( 'WP_INSTALLING', true );
}
if ( 'network' === $stage ) {
	// As wp-admin/network.php does: wpdb then names the network's tables too.
	define( 'WP_INSTALLING_NETWORK', true );
}
require $site_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

/**
 * A user with an application password, as the JSON the specs read.
 */
function role_compare_tier_account( $login, $role, $blog_id = 0 ) {
	$password = wp_generate_password( 24, false );
	// On a network the user belongs to no site until added to one (wpmu_create_user).
	$user_id = $blog_id
		? wpmu_create_user( $login, $password, $login . '@example.invalid' )
		: wp_insert_user(
			array(
				'user_login' => $login,
				'user_pass'  => $password,
				'user_email' => $login . '@example.invalid',
				'role'       => $role,
			)
		);
	if ( false === $user_id ) {
		$user_id = new WP_Error( 'user', "could not create $login" );
	}
	if ( is_wp_error( $user_id ) ) {
		fwrite( STDERR, $user_id->get_error_message() . "\n" );
		exit( 1 );
	}
	if ( $blog_id ) {
		add_user_to_blog( $blog_id, $user_id, $role );
		switch_to_blog( $blog_id );
	}
	list( $app_password ) = WP_Application_Passwords::create_new_application_password( $user_id, array( 'name' => 'role-compare tier' ) );
	$account = array(
		'user'                => $login,
		'password'            => $password,
		'appPassword'         => $app_password,
		'id'                  => $user_id,
		'canUnfilteredHtml'   => user_can( $user_id, 'unfiltered_html' ),
	);
	if ( $blog_id ) {
		restore_current_blog();
	}
	return $account;
}

if ( 'single' === $stage || 'network' === $stage ) {
	$admin_password = wp_generate_password( 24, false );
	wp_install( 'Role comparison test site', 'admin', 'admin@example.invalid', false, '', $admin_password );
	update_option( 'siteurl', $url );
	update_option( 'home', $url );
	// The block theme Debian ships (wordpress-theme-twentytwentythree), as a new site has it.
	switch_theme( 'twentytwentythree' );
	// The admin's password is kept for the next stage in an option of this throwaway site.
	update_option( 'role_compare_tier_admin', $admin_password );
	if ( 'single' === $stage ) {
		delete_option( 'role_compare_tier_admin' );
		echo wp_json_encode(
			array(
				'admin'  => array( 'user' => 'admin', 'password' => $admin_password ),
				'author' => role_compare_tier_account( 'author', 'author' ),
			)
		) . "\n";
		exit( 0 );
	}
	require_once ABSPATH . 'wp-admin/includes/network.php';
	// As wp-admin/network.php does: name the network's tables before creating them.
	foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed_table ) {
		$wpdb->$table = $prefixed_table;
	}
	install_network();
	$result = populate_network( 1, $host, 'admin@example.invalid', 'Role comparison network', '/', false );
	if ( is_wp_error( $result ) ) {
		fwrite( STDERR, $result->get_error_message() . "\n" );
		exit( 1 );
	}
	file_put_contents(
		$site_dir . '/wp-config-network.php',
		"<?php\n// Written by tests/wordpress/setup.php: this site is a subdirectory network.\n" .
		"define( 'MULTISITE', true );\ndefine( 'SUBDOMAIN_INSTALL', false );\n" .
		"define( 'DOMAIN_CURRENT_SITE', '$host' );\ndefine( 'PATH_CURRENT_SITE', '/' );\n" .
		"define( 'SITE_ID_CURRENT_SITE', 1 );\ndefine( 'BLOG_ID_CURRENT_SITE', 1 );\n"
	);
	echo "{}\n";
	exit( 0 );
}

// network-sites
$admin_password = get_option( 'role_compare_tier_admin' );
delete_option( 'role_compare_tier_admin' );
// WordPress strips the ':' of a port from a new site's domain (networks are meant for ports 80
// and 443; the tier's port is a free one), so the site is created and then given its port back.
$blog_id = wpmu_create_blog( $host, '/site2/', 'Department site', 1 );
if ( is_wp_error( $blog_id ) ) {
	fwrite( STDERR, $blog_id->get_error_message() . "\n" );
	exit( 1 );
}
// Put the port back: the site's row and its URLs.
$wpdb->update( $wpdb->blogs, array( 'domain' => $host ), array( 'blog_id' => $blog_id ) );
clean_blog_cache( $blog_id );
foreach ( array( 'home', 'siteurl' ) as $name ) {
	$wpdb->update( $wpdb->get_blog_prefix( $blog_id ) . 'options', array( 'option_value' => "http://$host/site2" ), array( 'option_name' => $name ) );
}
wp_cache_flush();
switch_to_blog( $blog_id );
switch_theme( 'twentytwentythree' );
restore_current_blog();
echo wp_json_encode(
	array(
		'superAdmin'  => array( 'user' => 'admin', 'password' => $admin_password, 'isSuperAdmin' => is_super_admin( 1 ) ),
		'siteUrl'     => "http://$host/site2",
		'sitePath'    => get_site( $blog_id )->path,
		'siteAdmin'   => role_compare_tier_account( 'siteadmin', 'administrator', $blog_id ),
	)
) . "\n";
