package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.exports.CsvDownload;
import io.licencedesk.exports.CsvSeparator;
import io.licencedesk.licence.ImportRefusedException;
import io.licencedesk.licence.ImportStatus;
import io.licencedesk.licence.LicenceImport;
import io.licencedesk.licence.LicenceImports;
import io.licencedesk.web.ApiProblemWriter;
import io.licencedesk.web.FormUpload;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Importing licences from a CSV file (docs/csv.md): the upload, the check's progress and report, the confirmation
 * and the report of refused rows as a CSV file.
 *
 * <p>The page's script sends the file as the request's body (with its CSRF header). Without JavaScript the browser
 * posts the form itself, as multipart/form-data, which only this address reads, as it streams in (FormUpload,
 * decision 0133); the multipart parser stays off everywhere else (application.properties).
 */
@Controller
class ConsoleImportController {

    /** What browsers and tools call a CSV file (Windows names it after Excel); anything else is not a file. */
    private static final Set<String> FILE_TYPES =
            Set.of("text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream");

    private final LicenceImports imports;
    private final Reasons reasons;
    private final Words words;
    private final Clock clock;

    ConsoleImportController(LicenceImports imports, Reasons reasons, Words words, Clock clock) {
        this.imports = imports;
        this.reasons = reasons;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/licences/imports")
    String imports(Caller caller, Model model) {
        model.addAttribute("imports", imports.recent(caller));
        return "console/imports";
    }

    /** The file itself is the body; the answer names the import's page. */
    @PostMapping("/licences/imports")
    ResponseEntity<?> upload(
            Caller caller,
            @RequestParam(required = false) String name,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String type = request.getContentType();
        if (FormUpload.sent(request)) {
            return fromTheForm(caller, FormUpload.of(request), request, response);
        }
        if (type != null && !isFile(type)) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiProblemWriter.unsupportedMediaType(words.of("console.import.sendTheFile")));
        }
        LicenceImport started = imports.start(caller, name, request.getInputStream());
        URI page = URI.create("/licences/imports/" + started.id());
        if (!acceptsJson(request.getHeader("Accept"))) {
            // A client that takes only pages is sent to the import's: its JSON answer was a 406 Not Acceptable.
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page).build();
        }
        return ResponseEntity.created(page).body(Map.of("location", page.toString()));
    }

    private static boolean acceptsJson(String accept) {
        try {
            return accept == null
                    || accept.isBlank()
                    || MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    /**
     * The form itself, posted by a browser without JavaScript: the browser follows the answer to the import's page,
     * or back to the form with the reason as a toast (nothing was kept).
     */
    private ResponseEntity<?> fromTheForm(
            Caller caller, FormUpload file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (file == null || file.name().isBlank()) {
            return backToTheForm(request, response, words.of("js.import.noFile"));
        }
        try {
            LicenceImport started = imports.start(caller, file.name(), file.content());
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/licences/imports/" + started.id()))
                    .build();
        } catch (ImportRefusedException refused) {
            return backToTheForm(request, response, reasons.text(refused));
        }
    }

    private static ResponseEntity<?> backToTheForm(
            HttpServletRequest request, HttpServletResponse response, String reason) {
        FlashMap toast = RequestContextUtils.getOutputFlashMap(request);
        toast.put("toast", reason);
        toast.put("toastKind", "danger");
        RequestContextUtils.saveOutputFlashMap("/licences/imports", request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/licences/imports"))
                .build();
    }

    @GetMapping("/licences/imports/{id}")
    String licenceImport(Caller caller, @PathVariable long id, Model model) {
        LicenceImport job = imports.find(caller, id);
        model.addAttribute("job", job);
        model.addAttribute("fileSize", new FileSize(job.fileBytes()).text(words));
        model.addAttribute("progress", progress(job));
        model.addAttribute("fileProblem", job.fileProblem() == null ? null : reasons.text(job.fileProblem()));
        if (job.rowsRefused() > 0) {
            model.addAttribute(
                    "problems",
                    imports.problems(caller, id).stream()
                            .map(problem ->
                                    new ShownProblem(problem.line(), problem.column(), reasons.text(problem.reason())))
                            .toList());
        } else {
            model.addAttribute("problems", List.of());
        }
        model.addAttribute("problemsShown", LicenceImports.PROBLEMS_SHOWN);
        return "console/import";
    }

    /** A refused row as the report shows it. */
    record ShownProblem(int line, String column, String reason) {}

    /** What the page's progress bar polls while the import runs. */
    @GetMapping(value = "/licences/imports/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress(Caller caller, @PathVariable long id) {
        return progress(imports.find(caller, id));
    }

    /** A browser asking for the progress (a link followed, an address typed) is sent to the import's page. */
    @GetMapping(value = "/licences/imports/{id}/progress", produces = MediaType.TEXT_HTML_VALUE)
    String progressForAPage(Caller caller, @PathVariable long id) {
        imports.find(caller, id);
        return "redirect:/licences/imports/" + id;
    }

    @PostMapping("/licences/imports/{id}/import")
    String confirm(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        try {
            imports.confirm(caller, id);
        } catch (ImportRefusedException refused) {
            Toasts.error(redirect, reasons.text(refused));
        }
        return "redirect:/licences/imports/" + id;
    }

    @PostMapping("/licences/imports/{id}/discard")
    String discard(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        try {
            imports.discard(caller, id);
            Toasts.success(redirect, words.of("console.toast.import.discarded"));
            return "redirect:/licences/imports";
        } catch (ImportRefusedException refused) {
            Toasts.error(redirect, reasons.text(refused));
            return "redirect:/licences/imports/" + id;
        }
    }

    /**
     * Every refused row with its line, column and reason, for fixing the file in a spreadsheet: a report for a person,
     * so its header and name are in the page's language like its reasons, with commas or, for Excel in most of Europe,
     * semicolons (decision 0174). It cites the import's names of the file's columns (decision 0177).
     */
    @GetMapping("/licences/imports/{id}/problems.csv")
    String problems(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String separator,
            HttpServletResponse response,
            Model model)
            throws IOException {
        imports.find(caller, id);
        var separatorAsked = CsvSeparator.of(separator);
        if (separatorAsked.isEmpty()) {
            // the exports' page that says why no file was made (decision 0092), back to this import
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusals", ExportRefusals.of(Map.of("separator", separator), false, words));
            model.addAttribute("list", "import");
            model.addAttribute("listUrl", "/licences/imports/" + id);
            return "console/export-refused";
        }
        CsvSeparator cells = separatorAsked.get();
        var csv = CsvDownload.start(
                response,
                words.of("import.problems.fileName", String.valueOf(id)),
                LocalDate.now(clock),
                List.of(
                        words.of("import.problems.header.line"),
                        words.of("import.problems.header.column"),
                        words.of("import.problems.header.reason")),
                cells,
                Set.of());
        imports.eachProblem(
                caller,
                id,
                problem -> csv.row(Integer.toString(problem.line()), problem.column(), reasons.text(problem.reason())));
        csv.finish();
        return null;
    }

    /**
     * A refused upload answers the page's script with the reason, which it shows beside the file field: typed as the
     * API types the same refusal (decision 0104).
     */
    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ImportRefusedException refused) {
        ProblemDetail problem = refused.reason().code().equals("reason.import.tooLarge")
                ? ApiProblemWriter.tooLarge(reasons.text(refused))
                : ApiProblemWriter.conflict(reasons.text(refused));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static boolean isFile(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return FILE_TYPES.contains(type.getType() + "/" + type.getSubtype());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private Map<String, Object> progress(LicenceImport job) {
        Instant now = clock.instant();
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("status", job.status().name().toLowerCase());
        progress.put("running", job.status().running());
        progress.put("percent", job.percent());
        progress.put("rowsRead", job.rowsRead());
        progress.put("rowsInserted", job.rowsInserted());
        progress.put("rowsToCreate", job.rowsToCreate());
        progress.put("rate", job.rate(now));
        progress.put("timeLeft", timeLeft(job, now));
        progress.put("done", job.status() == ImportStatus.IMPORTING ? job.rowsInserted() : job.rowsRead());
        return progress;
    }

    /**
     * The words after "rows/s," while the step runs. Before its rate can be told (the first rows, or while the
     * import's transaction starts) they say so: an empty text left the sentence reading "0 rows/s, . You can leave".
     */
    private String timeLeft(LicenceImport job, Instant now) {
        Duration left = job.timeLeft(now);
        if (left == null) {
            return job.status().running() ? words.of("console.import.timeLeftUnknown") : "";
        }
        long seconds = Math.max(1, left.toSeconds());
        if (seconds < 60) {
            return words.of("console.import.secondsLeft", seconds);
        }
        return words.of("console.import.minutesLeft", (seconds + 59) / 60);
    }
}
