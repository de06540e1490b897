/** Finding broker plugins: bundled ones on the class path and drop-in jars in the plugins folder. */
package io.tvbridge.core.plugin;
