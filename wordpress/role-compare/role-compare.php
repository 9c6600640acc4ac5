<?php
/**
 * Plugin Name:       Role comparison (CIO, CISO, CSO)
 * Description:       A sourced side-by-side comparison of the CIO, CISO and CSO roles: a "Role comparison" block and a [role-compare] shortcode. Everything is served from this site.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            role-compare
 * License:           MIT OR Apache-2.0
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       role-compare
 * Domain Path:       /languages
 *
 * @package RoleCompare
 *
 * How it works: the block (a dynamic block: the post stores only the block comment and its
 * attributes) and the shortcode both render `<role-compare …>` with a prerendered no-JS fallback
 * inside, and enqueue the widget's loader (`assets/role-compare.js`, an ES module) only on pages
 * that contain one. The loader fetches its glue and wasm from next to itself, so nothing leaves
 * the site. Attribute values are validated here with the widget's own rules (the valid ids come
 * from `fallbacks/index.json`, which `cargo xtask build` writes from the bundled dataset):
 * unknown values are dropped, so no attribute can carry markup into the page. The plugin stores
 * nothing (no options, no tables), which is why uninstall.php has nothing to delete.
 */

defined( 'ABSPATH' ) || exit;

const ROLE_COMPARE_VERSION = '0.1.0';

/**
 * The grammar and the fallback list `cargo xtask build` wrote from the bundled dataset.
 *
 * @return array|null Null when the file is missing or unreadable (a broken install).
 */
function role_compare_index() {
	static $index = false;
	if ( false === $index ) {
		$path  = __DIR__ . '/fallbacks/index.json';
		$text  = is_readable( $path ) ? file_get_contents( $path ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions
		$index = $text ? json_decode( $text, true ) : null;
	}
	return $index;
}

/**
 * Ids of a list in the index (`roles`, `facets`).
 *
 * @param array  $index The index.
 * @param string $key   Which list.
 * @return string[]
 */
function role_compare_ids( $index, $key ) {
	return array_map(
		static function ( $item ) {
			return $item['id'];
		},
		$index[ $key ]
	);
}

/**
 * A space-separated list read as the element reads it: known ids kept in dataset order without
 * repeats, unknown ones dropped.
 *
 * @param mixed    $value A string, or an array of strings (block attributes).
 * @param string[] $valid The valid ids in dataset order.
 * @return string[]
 */
function role_compare_list( $value, $valid ) {
	if ( is_array( $value ) ) {
		$value = implode( ' ', array_filter( $value, 'is_string' ) );
	}
	if ( ! is_string( $value ) ) {
		return array();
	}
	$named = preg_split( '/\s+/', trim( $value ), -1, PREG_SPLIT_NO_EMPTY );
	return array_values( array_intersect( $valid, $named ) );
}

/**
 * The tokens of a list that have the shape of a dataset id, without repeats.
 *
 * @param mixed $value A string, or an array of strings (block attributes).
 * @return string[]
 */
function role_compare_id_tokens( $value ) {
	if ( is_array( $value ) ) {
		$value = implode( ' ', array_filter( $value, 'is_string' ) );
	}
	if ( ! is_string( $value ) ) {
		return array();
	}
	$tokens = preg_split( '/\s+/', trim( $value ), -1, PREG_SPLIT_NO_EMPTY );
	return array_values( array_unique( preg_grep( '/^[a-z0-9][a-z0-9-]*$/', $tokens ) ) );
}

/**
 * One of `$valid`, or `$default` for anything else (after trimming, as the element does).
 *
 * @param mixed    $value   The raw value.
 * @param string[] $valid   Allowed values.
 * @param string   $default The default.
 * @return string
 */
function role_compare_choice( $value, $valid, $default ) {
	if ( ! is_string( $value ) ) {
		return $default;
	}
	$value = trim( $value );
	return in_array( $value, $valid, true ) ? $value : $default;
}

/**
 * Reads raw settings (from the shortcode or the block) into the element's canonical attributes.
 *
 * @param array $raw Keys: roles, facets, mode, detail, search, heading-level, theme, src, sync-url, loading.
 * @param array $index The index.
 * @return array Canonical settings: every value valid, empty lists meaning "the default".
 */
function role_compare_settings( $raw, $index ) {
	$src = is_string( $raw['src'] ?? null ) ? trim( $raw['src'] ) : '';
	// Only http(s) URLs or paths on this site; anything else (javascript:, data:) is dropped.
	$src = '' === $src ? '' : esc_url_raw( $src, array( 'http', 'https' ) );
	if ( '' !== $src ) {
		// A host dataset has its own role and section ids, which only the widget can check once
		// it has the data: pass on what has the shape of an id (lowercase letters, digits and
		// hyphens, as the dataset validator requires), which can carry no markup.
		$roles  = role_compare_id_tokens( $raw['roles'] ?? '' );
		$facets = role_compare_id_tokens( $raw['facets'] ?? '' );
	} else {
		$roles = role_compare_list( $raw['roles'] ?? '', role_compare_ids( $index, 'roles' ) );
		// One role is no comparison, and naming exactly the default roles is the default: the
		// element's rules (src/core/attrs.rs), so the fallback and the widget agree.
		if ( count( $roles ) < 2 || $roles === $index['defaultRoles'] ) {
			$roles = array();
		}
		$all_facets = role_compare_ids( $index, 'facets' );
		$facets     = role_compare_list( $raw['facets'] ?? '', $all_facets );
		if ( count( $facets ) === count( $all_facets ) ) {
			$facets = array();
		}
	}
	$level = $raw['heading-level'] ?? '';
	$level = is_int( $level ) ? (string) $level : $level;
	$level = ( is_string( $level ) && preg_match( '/^\+?[0-9]+$/', trim( $level ) ) ) ? (int) ltrim( trim( $level ), '+' ) : 2;
	$search = is_string( $raw['search'] ?? null ) ? sanitize_text_field( $raw['search'] ) : '';
	return array(
		'roles'         => $roles,
		'facets'        => $facets,
		'mode'          => role_compare_choice( $raw['mode'] ?? null, $index['modes'], 'all' ),
		'detail'        => role_compare_choice( $raw['detail'] ?? null, $index['details'], 'summary' ),
		'search'        => $search,
		'heading-level' => ( $level >= 1 && $level <= 6 ) ? $level : 2,
		'theme'         => role_compare_choice( $raw['theme'] ?? null, array( 'auto', 'light', 'dark' ), 'auto' ),
		'src'           => $src,
		'sync-url'      => ! empty( $raw['sync-url'] ) && 'false' !== $raw['sync-url'] && '0' !== $raw['sync-url'],
		'loading'       => role_compare_choice( $raw['loading'] ?? null, array( 'lazy', 'eager' ), 'lazy' ),
	);
}

/**
 * The no-JS fallback for `$settings`: the prerendered file for its roles, mode and detail,
 * moved to its heading level, in a declarative shadow root that links assets/role-compare.css. Configurations no file matches exactly:
 * - `facets` or `search` set: the file for the same roles, mode and detail (every section, no
 *   search). It holds everything the configured view holds, and the widget replaces it.
 * - `src` set (a host dataset): a short notice, because the bundled comparison would show
 *   content the page did not ask for.
 *
 * @param array $settings Canonical settings.
 * @param array $index    The index.
 * @return string HTML (built by the build from the bundled dataset, with every text escaped).
 */
function role_compare_fallback( $settings, $index ) {
	if ( '' !== $settings['src'] ) {
		return '<p data-role-compare-fallback>' . esc_html__( 'This comparison needs JavaScript to load its data.', 'role-compare' ) . '</p>';
	}
	$roles = $settings['roles'] ? implode( '-', $settings['roles'] ) : 'default';
	$file  = $roles . '.' . $settings['mode'] . '.' . $settings['detail'] . '.html';
	if ( ! in_array( $file, $index['files'], true ) ) {
		return '';
	}
	$html = file_get_contents( __DIR__ . '/fallbacks/' . $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	if ( false === $html ) {
		return '';
	}
	$map = $index['headingLevels'][ (string) $settings['heading-level'] ];
	// In a declarative shadow root that links the widget's stylesheet: styled from the first
	// paint (and without JavaScript), and the loader never copies it. The markup around it comes
	// from the build (`index.json`'s `declarative`, written from the renderer's own).
	$wrap = $index['declarative'];
	$css  = add_query_arg( 'ver', ROLE_COMPARE_VERSION, plugins_url( 'assets/role-compare.css', __FILE__ ) );
	// Each comparison on the page gets its own id prefix (the files carry `rc-wpid-`, which the
	// build checked stands for nothing else), so two fallbacks share no element id.
	static $count = 0;
	++$count;
	// One pass, as the build checked against the renderer for every level and variant.
	return $wrap['open'] . esc_url( $css ) . $wrap['afterHref'] . strtr(
		$html,
		array(
			'aria-level="2"' => 'aria-level="' . $map['2'] . '"',
			'aria-level="3"' => 'aria-level="' . $map['3'] . '"',
			'rc-wpid-'       => 'rc-wp' . $count . '-',
		)
	) . $wrap['close'];
}

/**
 * `<role-compare …>` with its fallback, and the loader enqueued for this page.
 *
 * @param array  $raw  Raw settings.
 * @param string $wrap Attributes of the wrapping element (the block's classes), already escaped.
 * @return string
 */
function role_compare_render( $raw, $wrap = '' ) {
	$index = role_compare_index();
	if ( ! $index ) {
		return current_user_can( 'activate_plugins' )
			? '<p>' . esc_html__( 'The Role comparison plugin is incomplete (fallbacks/index.json is missing); reinstall it.', 'role-compare' ) . '</p>'
			: '';
	}
	$s     = role_compare_settings( $raw, $index );
	$attrs = array();
	if ( $s['roles'] ) {
		$attrs['roles'] = implode( ' ', $s['roles'] );
	}
	if ( $s['facets'] ) {
		$attrs['facets'] = implode( ' ', $s['facets'] );
	}
	if ( 'all' !== $s['mode'] ) {
		$attrs['mode'] = $s['mode'];
	}
	if ( 'summary' !== $s['detail'] ) {
		$attrs['detail'] = $s['detail'];
	}
	if ( '' !== $s['search'] ) {
		$attrs['search'] = $s['search'];
	}
	if ( 2 !== $s['heading-level'] ) {
		$attrs['heading-level'] = (string) $s['heading-level'];
	}
	if ( 'auto' !== $s['theme'] ) {
		$attrs['theme'] = $s['theme'];
	}
	if ( '' !== $s['src'] ) {
		$attrs['src'] = $s['src'];
	}
	if ( 'lazy' !== $s['loading'] ) {
		$attrs['loading'] = $s['loading'];
	}
	if ( $s['sync-url'] ) {
		$attrs['sync-url'] = '';
	}
	$html = '<role-compare';
	foreach ( $attrs as $name => $value ) {
		$html .= ' ' . $name . ( '' === $value && 'sync-url' === $name ? '' : '="' . esc_attr( $value ) . '"' );
	}
	$html .= '>' . role_compare_fallback( $s, $index ) . '</role-compare>';
	wp_enqueue_script( 'role-compare' );
	return '' === $wrap ? $html : '<div ' . $wrap . '>' . $html . '</div>';
}

/**
 * The block's attributes (camelCase in block.json) as raw settings.
 *
 * @param array $attributes Block attributes.
 * @return string
 */
function role_compare_render_block( $attributes ) {
	$raw = array(
		'roles'         => $attributes['roles'] ?? array(),
		'facets'        => $attributes['facets'] ?? array(),
		'mode'          => $attributes['mode'] ?? 'all',
		'detail'        => $attributes['detail'] ?? 'summary',
		'heading-level' => $attributes['headingLevel'] ?? 2,
		'theme'         => $attributes['theme'] ?? 'auto',
		'src'           => $attributes['src'] ?? '',
		'sync-url'      => ! empty( $attributes['syncUrl'] ),
	);
	return role_compare_render( $raw, get_block_wrapper_attributes() );
}

/**
 * `[role-compare roles="cio ciso" mode="differences"]`: the element's attribute names.
 *
 * @param array|string $atts Shortcode attributes ('' when there are none).
 * @return string
 */
function role_compare_shortcode( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	// `[role-compare sync-url]`: a bare word arrives as a numbered value, not as a key.
	if ( in_array( 'sync-url', array_filter( $atts, 'is_int', ARRAY_FILTER_USE_KEY ), true ) ) {
		$atts['sync-url'] = '1';
	}
	$atts = shortcode_atts(
		array(
			'roles'         => '',
			'facets'        => '',
			'mode'          => 'all',
			'detail'        => 'summary',
			'search'        => '',
			'heading-level' => '2',
			'theme'         => 'auto',
			'src'           => '',
			'sync-url'      => '',
			'loading'       => 'lazy',
		),
		$atts,
		'role-compare'
	);
	return role_compare_render( $atts );
}

/**
 * Registers the loader, the editor script, the block and the shortcode.
 */
function role_compare_init() {
	$assets = plugins_url( 'assets/', __FILE__ );
	// The loader finds role_compare.js and role_compare_bg.wasm next to itself (import.meta.url),
	// so they need no handles. In the footer: the block renders before wp_head in block themes but
	// after it in classic ones, and a footer script is printed in both cases.
	wp_register_script( 'role-compare', $assets . 'role-compare.js', array(), ROLE_COMPARE_VERSION, true );
	wp_register_script(
		'role-compare-editor',
		plugins_url( 'editor.js', __FILE__ ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'role-compare' ),
		ROLE_COMPARE_VERSION,
		true
	);
	$index = role_compare_index();
	if ( $index ) {
		wp_add_inline_script(
			'role-compare-editor',
			'window.roleCompareDataset = ' . wp_json_encode(
				array(
					'roles'        => $index['roles'],
					'defaultRoles' => $index['defaultRoles'],
					'facets'       => $index['facets'],
				)
			) . ';',
			'before'
		);
	}
	wp_set_script_translations( 'role-compare-editor', 'role-compare', __DIR__ . '/languages' );
	register_block_type( __DIR__, array( 'render_callback' => 'role_compare_render_block' ) );
	add_shortcode( 'role-compare', 'role_compare_shortcode' );
}
add_action( 'init', 'role_compare_init' );

/**
 * WordPress 6.1 has no script modules: the loader is an ES module, so its tag gets type="module".
 *
 * @param string $tag    The script tag.
 * @param string $handle Its handle.
 * @return string
 */
function role_compare_module_tag( $tag, $handle ) {
	if ( 'role-compare' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
	return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'role_compare_module_tag', 10, 2 );

/**
 * Keeps wptexturize (curly quotes, dashes) out of the prerendered fallback, so it reads exactly
 * as the widget that replaces it.
 *
 * @param string[] $tags Tags whose content is not texturized.
 * @return string[]
 */
function role_compare_no_texturize( $tags ) {
	$tags[] = 'role-compare';
	return $tags;
}
add_filter( 'no_texturize_tags', 'role_compare_no_texturize' );

/**
 * Loads the plugin's translations (WordPress 6.1 does it only for plugins from WordPress.org).
 */
function role_compare_textdomain() {
	load_plugin_textdomain( 'role-compare', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
}
add_action( 'init', 'role_compare_textdomain', 0 );
