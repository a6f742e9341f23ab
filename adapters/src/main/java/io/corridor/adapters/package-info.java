/**
 * Adapters to the bank's own systems (core banking postings, file drops). Empty until the integration issue.
 */
package io.corridor.adapters;
