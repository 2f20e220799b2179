package com.storystudio.batch.scene;

import org.springframework.stereotype.Component;

/**
 * Reads the audio lengths of an input's scenes once, before a run or an estimate spends anything.
 * Local files are read from their headers.
 */
@Component
public class AudioLengthProbe {

    public AudioLengths of(SceneSource source) {
        return AudioLengths.local();
    }
}
