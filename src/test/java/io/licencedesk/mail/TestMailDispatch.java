package io.licencedesk.mail;

import org.springframework.stereotype.Component;

/** Runs the mail dispatcher's turn now, for tests in other packages that keep its schedule out of the way. */
@Component
public class TestMailDispatch {

    private final MailDispatcher dispatcher;

    TestMailDispatch(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void dispatchDue() {
        dispatcher.dispatchDue();
    }
}
