package cn.gov.shuozhou.makerspace.letters;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code makerspace.letters.*}. */
@Configuration
@EnableConfigurationProperties(LetterProperties.class)
class LettersConfiguration {}
