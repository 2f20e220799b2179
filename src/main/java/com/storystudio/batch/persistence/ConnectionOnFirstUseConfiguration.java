package com.storystudio.batch.persistence;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * A transaction takes its database connection at its first statement, not when it begins.
 * <p>
 * A chunk of the generate step is one transaction around a read that waits minutes for RunPod.
 * With the connection taken up front, it sits unused through the wait, and if the database goes
 * away meanwhile (the process serving a shared H2 file exits; a PostgreSQL failover) the chunk
 * fails at its first write. Taken at first use, the connection is borrowed after the wait, when
 * the pool can check it and reconnect.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionOnFirstUseConfiguration {

    @Bean
    static BeanPostProcessor connectionOnFirstUse() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)
                        ? new LazyConnectionDataSourceProxy(dataSource) : bean;
            }
        };
    }
}
