/**
 * The bank's administration API, apart from the public Horizon-compatible one: every request must carry the
 * node's admin bearer token ({@link io.corridor.web.interfaces.admin.AdminAuthenticator}); the resources are thin
 * adapters over the federation directory port. Not part of {@code /openapi.json}; see docs/FEDERATION.md.
 */
package io.corridor.web.interfaces.admin;
