/** The shared corpus of real alert messages written by others, and the judge of what tvbridge made of each. */
package io.tvbridge.core.alert.corpus;
