package io.licencedesk.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the REST API's controllers (not the device API's), whose errors {@link RestApiProblems} answers. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface RestApi {}
