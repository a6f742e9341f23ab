package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.infrastructure.ejb.LedgerNodeBean;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/** The web layer's one way to the node. */
@ApplicationScoped
public class NodeAccess {

    @EJB
    private LedgerNodeBean bean;

    LedgerNode node() {
        return bean.node();
    }

    LedgerNodeBean bean() {
        return bean;
    }
}
