package com.storystudio.batch.generation;

import java.io.IOException;

import org.springframework.stereotype.Component;

import com.storystudio.batch.runpod.GenerationInput;
import com.storystudio.batch.scene.Scene;

/** Builds the {@code /run} input of a scene; local files are read and base64-encoded here, just before sending. */
@Component
public class SceneRequestFactory {

    public GenerationInput inputFor(Scene scene) throws IOException {
        return new GenerationInput(scene.image().requestValue(), scene.audio().requestValue(), scene.prompt(),
                scene.resolution().value(), scene.sampleSteps());
    }
}
