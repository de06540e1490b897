/** Running work on a schedule: named jobs, when they run next and how they ran last. The jobs themselves live with what they do. */
package io.tvbridge.core.jobs;
