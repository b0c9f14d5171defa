package io.licencedesk.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background jobs (the mail dispatcher) run unless switched off, as some tests do to drive them by hand. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "licencedesk.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
