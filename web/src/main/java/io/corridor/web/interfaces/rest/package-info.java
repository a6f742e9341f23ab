/**
 * The Horizon-compatible REST API: thin JAX-RS adapters that read the node's state and hand submissions to
 * it, answering with Horizon's JSON shapes and {@code application/problem+json} errors. No ledger rules
 * here.
 */
package io.corridor.web.interfaces.rest;
