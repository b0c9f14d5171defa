package io.licencedesk.licence;

/**
 * How many screens a licence has, for the rule that its quantity never drops below them. The devices module
 * implements it (it depends on this one, so the dependency points this way round), and counts while the
 * licence is locked, which is also when a screen is registered: the two cannot cross.
 */
public interface RegisteredScreens {

    int on(long licenceId);
}
