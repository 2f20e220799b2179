package com.storystudio.batch.report;

/**
 * The report's CSS, inline: a report opened from a mail attachment can load nothing, so no font, image or
 * stylesheet from anywhere (system fonts only).
 */
final class ReportStyle {

    static final String CSS = """
            :root { color-scheme: light; --queued: #f2b632; --executing: #2f6fd0; --failed: #c62828; --held: #2e9b5f;
                    --expired: #8d8d8d; --ink: #1d2330; --muted: #5b6473; --line: #d9dee7; }
            * { box-sizing: border-box; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: var(--ink); margin: 0; padding: 24px 32px 48px; background: #fff; }
            h1 { font-size: 22px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
            .meta, .note { color: var(--muted); margin: 4px 0; }
            .note { max-width: 72em; }
            table { border-collapse: collapse; }
            th, td { text-align: left; vertical-align: top; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--line); }
            th { font-weight: 600; }
            table.summary th { width: 19em; }
            table.scenes { width: 100%; font-size: 13px; }
            table.scenes td.prompt { max-width: 28em; }
            table.scenes td.error { max-width: 24em; color: var(--failed); overflow-wrap: anywhere; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .status { font-weight: 600; white-space: nowrap; }
            .status-COMPLETED { color: var(--held); }
            .status-FAILED { color: var(--failed); }
            .status-PENDING, .status-IN_PROGRESS { color: #9a6b00; }
            .badge { display: inline-block; font-size: 11px; font-weight: 400; color: var(--muted); border: 1px solid var(--line);
                     border-radius: 3px; padding: 0 4px; margin-left: 4px; }
            video { width: 220px; max-height: 160px; background: #000; }
            .legend span.swatch { display: inline-block; width: 14px; height: 10px; margin: 0 4px 0 12px; vertical-align: middle; }
            .swatch.queued { background: var(--queued); } .swatch.executing { background: var(--executing); }
            .swatch.failed { background: var(--failed); } .swatch.held { background: var(--held); opacity: .5; }
            .swatch.expired { background: var(--expired); } .swatch.in-flight { border: 1px dashed var(--executing); }
            .timeline-box { overflow-x: auto; border: 1px solid var(--line); padding: 4px; margin-top: 8px; }
            svg.timeline { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; display: block; }
            svg .grid { stroke: #e7eaf0; stroke-width: 1; }
            svg .tick { fill: var(--muted); text-anchor: middle; }
            svg .lane-label { fill: var(--ink); }
            svg .lane-alt { fill: #f6f8fb; }
            svg .bar-label { fill: var(--muted); }
            svg .hold-band { fill: var(--held); opacity: .08; }
            svg .held { fill: var(--held); opacity: .6; }
            svg .worker-enable { fill: var(--held); }
            svg .worker-handback { fill: #1b5e3a; }
            svg .run { fill: #cfd6e2; }
            svg .execution.failed .run { fill: #f1c4c4; }
            svg .execution.stopped .run { fill: #f5dfa8; }
            svg .queued { fill: var(--queued); }
            svg .executing { fill: var(--executing); }
            svg .in-flight { fill: none; stroke: var(--executing); stroke-dasharray: 3 2; }
            svg .attempt.failed .executing { fill: var(--failed); }
            svg .attempt.expired .executing { fill: var(--expired); }
            svg .fail-mark { stroke: var(--failed); stroke-width: 2; fill: none; }
            svg .busy-frame { fill: #fbfcfe; stroke: var(--line); }
            svg .busy { fill: var(--executing); opacity: .75; }
            svg .held-level { fill: none; stroke: var(--held); stroke-width: 2; stroke-dasharray: 5 3; }
            @media print { body { padding: 0; } .timeline-box { overflow: visible; } }
            """;

    private ReportStyle() {
    }
}
