package com.storystudio.batch.download;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.time.Sleeper;

@Configuration(proxyBeanMethods = false)
public class DownloadConfiguration {

    @Bean
    VideoDownloader videoDownloader(DownloadProperties settings, Sleeper sleeper) {
        return new VideoDownloader(settings, sleeper);
    }

    @Bean
    MissingVideos missingVideos(SceneResultRepository results, VideoDownloader downloader) {
        return new MissingVideos(results, downloader);
    }

    @Bean
    VideoProbe videoProbe(DownloadProperties settings) {
        return new VideoProbe(settings);
    }
}
