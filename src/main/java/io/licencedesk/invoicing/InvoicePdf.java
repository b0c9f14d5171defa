package io.licencedesk.invoicing;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders an invoice to PDF from its recorded data only. The document's dates and ID are derived
 * from the invoice, so the same invoice gives the same bytes every time. Text is set in DejaVu Sans,
 * shipped with the application and embedded (only the glyphs used): the PDF's standard Helvetica knows
 * only Western European letters and printed "#" for the rest (decision 0028).
 */
@Component
class InvoicePdf {

    static {
        // The renderer logs every stylesheet it parses at INFO; only its warnings belong in our log.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    /** The font's name in the template's CSS. */
    static final String FONT_FAMILY = "DejaVu Sans";

    private static final Pattern XML_REFUSES =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|\\p{Cs}");

    private static final byte[] REGULAR = font("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("/fonts/DejaVuSans-Bold.ttf");

    private final ITemplateEngine templates;
    private final InvoiceWords words;

    InvoicePdf(ITemplateEngine templates, InvoiceWords words) {
        this.templates = templates;
        this.words = words;
    }

    private static byte[] font(String resource) {
        try (InputStream in = InvoicePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The invoice in this language (its client's, decision 0053): words, dates and amounts. */
    byte[] render(Invoice invoice, Locale locale) {
        var context = new Context(locale);
        context.setVariable("invoice", invoice);
        context.setVariable("term", words.term(invoice, locale));
        String html = withoutCharactersXmlRefuses(templates.process("invoice/pdf", context));
        try (PDDocument document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Tagged for PDF/UA (decision 0054): a structure tree in reading order, the title and language of the
            // page, so that screen readers read the invoice; the fonts are embedded, as PDF/UA requires.
            builder.usePdfUaAccessbility(true);
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.usePDDocument(document);
            try (var renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            var info = document.getDocumentInformation();
            info.setTitle(words.text(locale, "invoice.pdf.title", invoice.number()));
            info.setAuthor(invoice.seller().name());
            info.setProducer("LicenceDesk");
            info.setCreator("LicenceDesk");
            var issued = GregorianCalendar.from(invoice.issuedOn().atStartOfDay(ZoneOffset.UTC));
            issued.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
            info.setCreationDate(issued);
            info.setModificationDate(issued);
            byte[] id = documentId(invoice);
            var ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            document.save(out);
            return out.toByteArray();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not render invoice " + invoice.number(), failed);
        }
    }

    /**
     * The renderer parses the page as XML, which has no place for control characters other than tab and line
     * breaks: a client's name saved with one (before forms refused them) made every PDF of theirs fail.
     */
    static String withoutCharactersXmlRefuses(String html) {
        return XML_REFUSES.matcher(html).replaceAll("");
    }

    /** The REST API's name for the file, English as the API's texts are. */
    static String fileName(Invoice invoice) {
        return "invoice-" + invoice.number() + ".pdf";
    }

    /**
     * The file's name in the language of whoever receives it (decision 0118): "facture-INV-2026-000042.pdf" for a
     * French page or e-mail, which gave "invoice-…" before.
     */
    String fileName(Invoice invoice, Locale language) {
        return words.text(language, "invoice.pdf.fileName", invoice.number());
    }

    private static byte[] documentId(Invoice invoice) {
        try {
            return MessageDigest.getInstance("MD5")
                    .digest((invoice.organisationId() + "/" + invoice.number()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException alwaysThere) {
            throw new IllegalStateException(alwaysThere);
        }
    }
}
