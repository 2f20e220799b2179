package com.storystudio.batch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** A report as a reader (or a mail client) gets it, parsed with jsoup: its summary, its scene rows, its timeline. */
public final class ReportPage {

    private final Document page;

    private ReportPage(String html) {
        this.page = Jsoup.parse(html);
    }

    public static ReportPage of(Path file) {
        try {
            return new ReportPage(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReportPage ofHtml(String html) {
        return new ReportPage(html);
    }

    public Document document() {
        return page;
    }

    /** The summary's machine-readable value for {@code key} (scenes, completed, cost, ...). */
    public BigDecimal summary(String key) {
        Element cell = page.selectFirst("#summary tr[data-key=" + key + "] td");
        assertThat(cell).as("summary row " + key).isNotNull();
        return new BigDecimal(cell.attr("data-value"));
    }

    public String summaryText(String key) {
        return page.selectFirst("#summary tr[data-key=" + key + "] td").text();
    }

    public Elements sceneRows() {
        return page.select("#scenes tbody tr");
    }

    public List<String> sceneIds() {
        return sceneRows().stream().map(row -> row.attr("data-scene")).toList();
    }

    public Element sceneRow(String sceneId) {
        return sceneRows().stream().filter(row -> row.attr("data-scene").equals(sceneId)).findFirst().orElseThrow();
    }

    /** The sum of the scenes' cost cells (blank counts as nothing). */
    public BigDecimal sceneCostTotal() {
        return sceneRows().stream().map(row -> row.selectFirst("td.cost").attr("data-value")).filter(value -> !value.isEmpty())
                .map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The timeline's bar for each remote job of each scene. */
    public Elements attemptBars() {
        return page.select("svg.timeline g.attempt");
    }

    public Elements attemptBars(String sceneId) {
        return page.select("svg.timeline g.attempt[data-scene=" + sceneId + "]");
    }

    public Elements executionRows() {
        return page.select("#executions tbody tr");
    }

    /**
     * What the page would fetch or run from elsewhere: scripts, any src or href to http(s) but the videos' own
     * links, stylesheet imports and CSS URLs.
     */
    public List<String> externalReferences(List<String> videoLinks) {
        List<String> found = new java.util.ArrayList<>();
        page.select("script").forEach(script -> found.add("<script>"));
        page.select("link[rel=stylesheet], iframe, object, embed").forEach(element -> found.add(element.tagName()));
        for (Element element : page.select("[src], [href]")) {
            for (String attribute : List.of("src", "href")) {
                String value = element.attr(attribute).trim().toLowerCase(Locale.ROOT);
                boolean web = value.startsWith("http:") || value.startsWith("https:") || value.startsWith("//");
                if (web && !(attribute.equals("href") && element.tagName().equals("a") && videoLinks.contains(element.attr("href")))) {
                    found.add(element.tagName() + " " + attribute + "=" + value);
                }
                if (value.startsWith("javascript:") || value.startsWith("data:")) {
                    found.add(element.tagName() + " " + attribute + "=" + value);
                }
            }
        }
        StringBuilder css = new StringBuilder();
        page.select("style").forEach(style -> css.append(style.data()));
        page.select("[style]").forEach(element -> css.append(element.attr("style")));
        String lower = css.toString().toLowerCase(Locale.ROOT).replace(" ", "");
        if (lower.contains("@import")) {
            found.add("@import");
        }
        if (lower.contains("url(")) {
            found.add("url(");
        }
        page.getAllElements().forEach(element -> element.attributes().forEach(attribute -> {
            if (attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
                found.add(element.tagName() + " " + attribute.getKey());
            }
        }));
        return found;
    }
}
