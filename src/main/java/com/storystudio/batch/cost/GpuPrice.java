package com.storystudio.batch.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an hour of the endpoint's GPU costs, {@code runpod.gpu-price-per-hour}: RunPod bills a job's
 * execution time at its GPU's rate. The default is the API document's A100 figure; another GPU's is on
 * RunPod's pricing page.
 */
@ConfigurationProperties("runpod")
public record GpuPrice(@DefaultValue("1.89") double gpuPricePerHour) {

    public GpuPrice {
        if (!(gpuPricePerHour > 0) || Double.isInfinite(gpuPricePerHour)) {
            throw new IllegalArgumentException("runpod.gpu-price-per-hour must be a positive number, was " + gpuPricePerHour);
        }
    }

    /** Dollars for this many GPU seconds, to the hundredth of a cent. */
    public BigDecimal dollars(double gpuSeconds) {
        return BigDecimal.valueOf(gpuSeconds * gpuPricePerHour / 3600).setScale(4, RoundingMode.HALF_UP);
    }
}
