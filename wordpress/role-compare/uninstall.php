<?php
/**
 * Uninstall: the plugin stores nothing (no options, transients, tables, user meta or files
 * outside its own folder), so removing its folder, which WordPress does, removes all of it.
 * This file exists so that WordPress runs no plugin code on uninstall; the WordPress test tier
 * deletes the plugin through the admin screens and checks that no option or file is left.
 *
 * @package RoleCompare
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;
