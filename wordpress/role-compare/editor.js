/**
 * The "Role comparison" block in the editor: the element's settings in the block sidebar, and
 * the real widget as the live preview (the loader is this script's dependency, so the same
 * <role-compare> element the page shows runs in the editor).
 *
 * Written for WordPress 6.1's globals (wp.blocks, wp.element, …) without a build step. The
 * block is dynamic: `save` returns null and PHP renders the element with its fallback.
 */
( function ( wp, dataset ) {
	'use strict';
	if ( ! wp || ! dataset ) {
		return;
	}
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var be = wp.blockEditor;
	var c = wp.components;

	// The element's attributes for the block's attributes: what PHP renders, minus the fallback.
	// Defaults are left out, as PHP leaves them out, so the preview reads them the same way.
	function elementProps( a ) {
		var props = { loading: 'eager' };
		if ( a.roles && a.roles.length >= 2 ) {
			props.roles = a.roles.join( ' ' );
		}
		if ( a.facets && a.facets.length ) {
			props.facets = a.facets.join( ' ' );
		}
		if ( a.mode && a.mode !== 'all' ) {
			props.mode = a.mode;
		}
		if ( a.detail && a.detail !== 'summary' ) {
			props.detail = a.detail;
		}
		if ( a.headingLevel && a.headingLevel !== 2 ) {
			props[ 'heading-level' ] = String( a.headingLevel );
		}
		if ( a.theme && a.theme !== 'auto' ) {
			props.theme = a.theme;
		}
		if ( a.src ) {
			props.src = a.src;
		}
		// No sync-url in the editor: the editor's own URL is not the reader's.
		return props;
	}

	// Checkboxes for a list attribute; an empty list means "the default" (every item).
	function checklist( items, chosen, label, onChange ) {
		var all = chosen.length === 0;
		return items.map( function ( item ) {
			var on = all || chosen.indexOf( item.id ) !== -1;
			return el( c.CheckboxControl, {
				key: item.id,
				label: label( item ),
				checked: on,
				onChange: function ( checked ) {
					var current = all ? items.map( function ( i ) { return i.id; } ) : chosen.slice();
					var next = items
						.map( function ( i ) { return i.id; } )
						.filter( function ( id ) {
							return id === item.id ? checked : current.indexOf( id ) !== -1;
						} );
					onChange( next.length === items.length ? [] : next );
				},
			} );
		} );
	}

	function Edit( props ) {
		var a = props.attributes;
		var set = props.setAttributes;
		var roles = a.roles || [];
		var oneRole = roles.length === 1;
		var sidebar = el(
			be.InspectorControls,
			null,
			el(
				c.PanelBody,
				{ title: __( 'Roles', 'role-compare' ) },
				checklist( dataset.roles, roles, function ( r ) { return r.name + ' (' + r.abbr + ')'; }, function ( next ) {
					set( { roles: next } );
				} ),
				oneRole
					? el( 'p', { className: 'components-base-control__help' }, __( 'Pick at least two roles; until then the default roles show.', 'role-compare' ) )
					: null
			),
			el(
				c.PanelBody,
				{ title: __( 'Sections', 'role-compare' ), initialOpen: false },
				checklist( dataset.facets, a.facets || [], function ( f ) { return f.label; }, function ( next ) {
					set( { facets: next } );
				} )
			),
			el(
				c.PanelBody,
				{ title: __( 'Display', 'role-compare' ) },
				el( c.SelectControl, {
					label: __( 'Statements', 'role-compare' ),
					value: a.mode,
					options: [
						{ value: 'all', label: __( 'All', 'role-compare' ) },
						{ value: 'differences', label: __( 'Differences only', 'role-compare' ) },
						{ value: 'shared', label: __( 'Shared only', 'role-compare' ) },
					],
					onChange: function ( v ) { set( { mode: v } ); },
				} ),
				el( c.SelectControl, {
					label: __( 'View', 'role-compare' ),
					value: a.detail,
					options: [
						{ value: 'summary', label: __( 'Key differences, detail folded', 'role-compare' ) },
						{ value: 'full', label: __( 'Every section open', 'role-compare' ) },
					],
					onChange: function ( v ) { set( { detail: v } ); },
				} ),
				el( c.SelectControl, {
					label: __( 'Theme', 'role-compare' ),
					help: __( 'If your site is always light, choose Light: the reader’s setting may be dark.', 'role-compare' ),
					value: a.theme,
					options: [
						{ value: 'auto', label: __( 'Follow the reader’s setting', 'role-compare' ) },
						{ value: 'light', label: __( 'Light', 'role-compare' ) },
						{ value: 'dark', label: __( 'Dark', 'role-compare' ) },
					],
					onChange: function ( v ) { set( { theme: v } ); },
				} ),
				el( c.SelectControl, {
					label: __( 'Heading level', 'role-compare' ),
					help: __( 'Under an H2 of the page, choose H3.', 'role-compare' ),
					value: String( a.headingLevel ),
					options: [ 1, 2, 3, 4, 5, 6 ].map( function ( n ) {
						return { value: String( n ), label: 'H' + n };
					} ),
					onChange: function ( v ) { set( { headingLevel: parseInt( v, 10 ) } ); },
				} ),
				el( c.ToggleControl, {
					label: __( 'Keep the reader’s filters in the page address', 'role-compare' ),
					checked: !! a.syncUrl,
					onChange: function ( v ) { set( { syncUrl: v } ); },
				} )
			),
			el(
				c.PanelBody,
				{ title: __( 'Dataset', 'role-compare' ), initialOpen: false },
				el( c.TextControl, {
					label: __( 'Dataset URL (optional)', 'role-compare' ),
					help: __( 'A JSON file in the role-compare dataset format. Empty: the bundled comparison.', 'role-compare' ),
					value: a.src,
					onChange: function ( v ) { set( { src: v.trim() } ); },
				} ),
				el(
					be.MediaUploadCheck,
					null,
					el( be.MediaUpload, {
						allowedTypes: [ 'application/json' ],
						onSelect: function ( media ) { set( { src: media.url } ); },
						render: function ( o ) {
							return el( c.Button, { variant: 'secondary', onClick: o.open }, __( 'Choose from the media library', 'role-compare' ) );
						},
					} )
				)
			)
		);
		return el(
			'div',
			be.useBlockProps(),
			sidebar,
			el( 'role-compare', elementProps( a ) )
		);
	}

	wp.blocks.registerBlockType( 'role-compare/comparison', {
		edit: Edit,
		save: function () {
			return null;
		},
	} );
} )( window.wp, window.roleCompareDataset );
