package io.licencedesk.devices;

/** The bytes of an answer, as sent, and their signature. */
record SignedAnswer(byte[] body, String signature, String keyId) {}
