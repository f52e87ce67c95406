package org.disassociate.clevertap.operations;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.disassociate.clevertap.model.Settlement;

/**
 * What became of one input file, written beside it as {@code <file>.report.json} in {@code .done/} (or {@code .failed/}):
 * enough to answer "did this list go through?" without reading logs.
 *
 * @param file         the file's name
 * @param outcome      {@code delivered}: every valid number processed by CleverTap; {@code delivered-with-errors}: some
 *                     went to the error channel; {@code partly-set-aside}: some were set aside in the spool of their
 *                     account, whose API was failing, and are delivered from there; {@code failed}: the file could not
 *                     be read (see {@code reason})
 * @param accepted     valid numbers read
 * @param invalid      lines refused as not a phone number (in the error channel)
 * @param processed    numbers CleverTap processed (validated only, when {@code dryRun})
 * @param failed       valid numbers CleverTap did not process (in the error channel)
 * @param setAside     valid numbers set aside in the spool of their account while its API was failing, so that the
 *                     file's other accounts' numbers went on: sent from there, not counted as processed here
 * @param accounts     {@code processed}, {@code failed} and {@code setAside} of each account the file's numbers went
 *                     to, by its name
 * @param startedAt    when reading began, ISO-8601
 * @param finishedAt   when the last number was settled
 * @param durationMs   the two apart
 * @param firstBatchAt when the first batch holding its numbers was answered
 * @param lastBatchAt  when the last was
 * @param dryRun       whether CleverTap was asked to validate only
 * @param errorChannel where the error records are ({@code errors.uri})
 * @param errorSource  the {@code source} of this file's error records there
 * @param reason       why the file failed; null otherwise
 * @param resumedAtLine the line after which this run began to read: 0 for a first read, the checkpoint's line when a
 *                     run before it stopped without finishing the file (a crash)
 * @param sentAgainAtMost valid numbers read again after {@code resumedAtLine} that the stopped run had read by its last
 *                     checkpoint save: at most these reached CleverTap twice, but for what it read and sent after
 *                     that save (0 for a first read)
 * @param trace        the OpenTelemetry trace id of the file's intake (its batches' spans link to it); null when not
 *                     traced
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunReport(
        String file,
        String outcome,
        long accepted,
        long invalid,
        long processed,
        long failed,
        long setAside,
        Map<String, Settlement.AccountCounts> accounts,
        String startedAt,
        String finishedAt,
        long durationMs,
        String firstBatchAt,
        String lastBatchAt,
        boolean dryRun,
        String errorChannel,
        String errorSource,
        String reason,
        long resumedAtLine,
        long sentAgainAtMost,
        String trace) {}
