/** Configuration: options over environment over {@code .env} over the generated secrets file. */
package io.tvbridge.core.config;
