package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Pauses or resumes many licences at once (the console's selection). Deliberately not transactional: each licence
 * is changed in its own transaction through {@link LicenceManagement}, so one refusal or one failure does not undo
 * the others, and every licence is locked only while it changes.
 */
@Service
public class LicenceBulkActions {

    private final LicenceManagement licences;

    LicenceBulkActions(LicenceManagement licences) {
        this.licences = licences;
    }

    public BulkOutcome pause(Caller caller, Collection<Long> ids) {
        return each(caller, ids, id -> licences.pause(caller, id));
    }

    public BulkOutcome resume(Caller caller, Collection<Long> ids) {
        return each(caller, ids, id -> licences.resume(caller, id));
    }

    private BulkOutcome each(Caller caller, Collection<Long> ids, Function<Long, LicenceDetails> change) {
        LicenceManagement.requireStaff(caller);
        List<String> done = new ArrayList<>();
        Map<LifecycleStatus, List<String>> refused = new EnumMap<>(LifecycleStatus.class);
        int gone = 0;
        // An id named twice is changed once: its second turn found it changed, and the answer listed it both done
        // and refused (paused by its first turn, "already paused" by its second).
        for (long id : new LinkedHashSet<>(ids)) {
            try {
                done.add(change.apply(id).couponCode().value());
            } catch (IllegalStatusChangeException notNow) {
                refused.computeIfAbsent(notNow.status(), status -> new ArrayList<>())
                        .add(codeOf(caller, id));
            } catch (LicenceNotFoundException deletedMeanwhile) {
                gone++;
            }
        }
        return new BulkOutcome(done, refused, gone);
    }

    private String codeOf(Caller caller, long id) {
        try {
            return licences.details(caller, id).couponCode().value();
        } catch (LicenceNotFoundException deletedSinceRefused) {
            return "#" + id;
        }
    }
}
