// LicenceDesk's few behaviours: toasts, copy to clipboard, client drop-downs, delete confirmation.
(function () {
    'use strict';

    // Toasts appear and go without fading: half faded, their text is below 4.5:1 (decision 0054).
    function toast(message, kind) {
        const container = document.getElementById('toasts');
        if (sayAgain(container, message, kind)) {
            return;
        }
        const element = document.createElement('div');
        element.className = 'toast align-items-center border-0 text-bg-' + (kind || 'success');
        const row = document.createElement('div');
        row.className = 'd-flex';
        // The live region is the message alone, not the toast: its close button's name is not read with the words.
        const body = document.createElement('div');
        body.className = 'toast-body';
        body.setAttribute('role', 'status');
        body.setAttribute('aria-live', 'polite');
        body.setAttribute('aria-atomic', 'true');
        row.append(body, closeButton());
        element.appendChild(row);
        container.appendChild(element);
        keep(element, kind);
        element.addEventListener('hidden.bs.toast', () => element.remove());
        element.dataset.message = message;
        say(body, message);
    }
    // The same message shown again (the same refusal after the same action) is one toast, not a pile of them: the one
    // shown says it again, its words taken out of its live region and put back, so that a screen reader announces it
    // again, and its time (a confirmation's 15 seconds) starts again. Different messages stay side by side.
    function sayAgain(container, message, kind) {
        const danger = kind === 'danger';
        const shown = [...container.querySelectorAll('.toast.show')].find(element =>
            element.dataset.message === message && element.classList.contains('text-bg-danger') === danger);
        if (!shown) {
            return false;
        }
        const body = shown.querySelector('.toast-body');
        body.textContent = '';
        bootstrap.Toast.getInstance(shown)?.dispose();
        keep(shown, kind);
        say(body, message);
        return true;
    }
    // How long a message stays (WCAG 2.2.1, decision 0136): 4 or 5 seconds took it away from a person reading slowly
    // or through a magnifier. A confirmation stays 15 seconds and, as Bootstrap does for any toast, for as long as the
    // pointer is on it or the keyboard is in it (its close button); an error stays until it is closed.
    const TOAST_SECONDS = 15;
    function keep(element, kind) {
        const error = kind === 'danger' || element.classList.contains('text-bg-danger');
        new bootstrap.Toast(element, {autohide: !error, delay: TOAST_SECONDS * 1000, animation: false}).show();
    }
    function closeButton() {
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'btn-close btn-close-white me-2 m-auto';
        close.setAttribute('data-bs-dismiss', 'toast');
        close.setAttribute('aria-label', text('close'));
        return close;
    }
    // A screen reader speaks what changes in a live region already on the page, not what a region holds when it
    // appears or as the page loads: the words go in a moment after their region.
    function say(body, message) {
        setTimeout(() => (body.textContent = message), 100);
    }
    // The words shown here come from the page, in its language (decision 0053): the layout's #texts element carries
    // them as data attributes, with {0}, {1} where a value goes. A count picks its ".one" or ".other" text by the
    // language's plural rules (French says "0 sélectionnée", English "0 selected").
    const texts = (document.getElementById('texts') || {dataset: {}}).dataset;
    const language = document.documentElement.lang || 'en';
    const plurals = new Intl.PluralRules(language);
    function text(name, ...values) {
        return (texts[name] || name).replace(/\{(\d+)\}/g, (placeholder, index) => values[index]);
    }
    function count(name, n, ...values) {
        return text(name + (plurals.select(n) === 'one' ? 'One' : 'Other'), n, ...values);
    }
    // A session that ended answers a script's JSON request with 401 (decision 0088), or with the sign-in page where
    // something in between redirects: the script cannot go on, so the page says why once and links to itself, which
    // signs in again and comes back (decision 0091).
    function signedOut(response) {
        return response.status === 401
            || (response.redirected && new URL(response.url).pathname === '/login');
    }
    // A 403 says why in its problem's type (decision 0094): the page's form token is of a session that ended (the
    // same for the page as being signed out: nothing it sends can work until it is reloaded), or the person may not do
    // this (an owner's action asked by an account manager), which signing in again would not change.
    const EXPIRED_FORM_TOKEN = 'https://licencedesk.io/problems/expired-form-token';
    function whyRefused(response) {
        if (signedOut(response)) {
            return Promise.resolve('signedOut');
        }
        if (response.status !== 403) {
            return Promise.resolve(null);
        }
        return response.json()
            .then(problem => problem && problem.type === EXPIRED_FORM_TOKEN ? 'signedOut' : 'forbidden',
                () => 'forbidden');
    }
    function sayTheSessionEnded() {
        if (document.getElementById('session-ended')) {
            return;
        }
        const alert = document.createElement('div');
        alert.id = 'session-ended';
        alert.className = 'alert alert-warning';
        alert.setAttribute('role', 'alert');
        const again = document.createElement('a');
        again.href = window.location.pathname + window.location.search;
        again.textContent = text('signInAgain');
        alert.append(text('sessionEnded'), ' ', again);
        (document.getElementById('main') || document.body).prepend(alert);
        alert.scrollIntoView({block: 'nearest'});
    }
    // A script's JSON answer, or null when it was refused: the page then says why, that the session ended or that
    // this is not the person's to do.
    function json(response) {
        return whyRefused(response).then(refused => {
            if (refused === 'signedOut') {
                sayTheSessionEnded();
                return null;
            }
            if (refused === 'forbidden') {
                toast(text('notAllowed'), 'danger');
                return null;
            }
            return response.json();
        });
    }
    window.licenceDesk = {
        toast: toast, text: text, count: count, language: language, json: json, signedOut: signedOut,
        expiredFormToken: EXPIRED_FORM_TOKEN
    };

    // The message of a form answered by a redirect ("Screen removed") comes with the page; it is said once the page
    // has loaded, so that a screen reader announces it.
    document.querySelectorAll('#toasts .toast.show').forEach(element => {
        const body = element.querySelector('.toast-body');
        const message = body.textContent;
        element.dataset.message = message;
        element.classList.remove('show');
        body.textContent = '';
        window.addEventListener('load', () => {
            keep(element);
            say(body, message);
        });
    });

    // The toasts stand at the bottom of the screen, as wide as a phone's, and an error stays until it is closed
    // (decision 0136): they hid the controls at the end of a page (a phone's "Register screen" under a refusal), even
    // scrolled to its end, and a control the keyboard reached under them. While toasts show, the page keeps their
    // height as room below its content, and as scroll padding, so that a control focused with Tab is scrolled above
    // them; a focused control that a toast came over is brought above it (decision 0139).
    const toasts = document.getElementById('toasts');
    if (toasts) {
        const overlaps = (a, b) => a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
        const makeRoom = () => {
            const shown = [...toasts.querySelectorAll('.toast.show')];
            document.documentElement.style.setProperty('--ld-toasts-room',
                shown.length ? toasts.offsetHeight + 'px' : '0px');
            const focused = document.activeElement;
            if (shown.length && focused && focused !== document.body && !toasts.contains(focused)
                && shown.some(shownToast => overlaps(focused.getBoundingClientRect(), shownToast.getBoundingClientRect()))) {
                focused.scrollIntoView({block: 'nearest'});
            }
        };
        new ResizeObserver(makeRoom).observe(toasts);
    }

    document.addEventListener('click', async event => {
        const button = event.target.closest('[data-copy]');
        if (!button) {
            return;
        }
        const code = button.dataset.copy;
        try {
            await navigator.clipboard.writeText(code);
            button.classList.add('copied');
            setTimeout(() => button.classList.remove('copied'), 1500);
            // A secret (a device credential) is named, never echoed, in the confirmation.
            const label = button.dataset.copyLabel;
            toast(label ? text('copied', label) : text('codeCopied', code));
        } catch (refused) {
            toast(text('copyFailed'), 'danger');
        }
    });


    // Bootstrap ignores a dialog's hide() while the dialog is still fading in (about 300 ms): a quick No, Escape or
    // click beside it did nothing and the question stayed open (a browser test saw it on a busy machine). A hide asked
    // for while a dialog opens is done as soon as it has opened. Bootstrap's own buttons, Escape and the scripts below
    // all call hide(), so it is wrapped once here, before any dialog exists.
    const opening = new WeakSet();
    document.addEventListener('show.bs.modal', event => event.defaultPrevented || opening.add(event.target));
    document.addEventListener('shown.bs.modal', event => opening.delete(event.target));
    const hideDialog = bootstrap.Modal.prototype.hide;
    bootstrap.Modal.prototype.hide = function () {
        if (opening.has(this._element)) {
            // This runs before the document's listener above, which would still find the dialog opening.
            this._element.addEventListener('shown.bs.modal', () => opening.delete(this._element) && this.hide(),
                {once: true});
            return;
        }
        hideDialog.call(this);
    };

    // A page rendered as the answer to a form post (a new device credential, a refused code, any refused form of the
    // console: decision 0112) takes its page's address, so that reloading it, or coming back to it with Back, reads
    // the page instead of asking to post the form again.
    const answered = document.querySelector('[data-replace-url]');
    if (answered) {
        history.replaceState(null, '', answered.dataset.replaceUrl);
    }

    // A payment form offers the server's today (TZ), which east of the server is yesterday just after midnight: the
    // manager's own today is offered instead, unless it is before the invoice's issue date, which a payment cannot
    // precede (decision 0131). A date typed, or kept from a refused form, is left as it is.
    document.querySelectorAll('input[type=date][data-offer-local-today]').forEach(input => {
        const now = new Date();
        const local = now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0') + '-'
            + String(now.getDate()).padStart(2, '0');
        if (input.value === input.dataset.offerLocalToday && local >= (input.dataset.notBefore || '')) {
            input.value = local;
        }
    });

    // Forms that undo something ask first: revoking a token, removing a screen, voiding an invoice, removing a
    // payment, deleting a webhook endpoint. Their question (data-confirm-question or data-ask) is asked in the page's own dialog, whose
    // yes says what the form's button says: the browser's confirm() speaks the browser's language, not the page's,
    // and tools that drive a page dismiss it unseen. (Inline handlers are not allowed by the content security policy.)
    const askDialog = document.getElementById('ask-dialog');
    if (askDialog) {
        const askModal = new bootstrap.Modal(askDialog);
        const yes = askDialog.querySelector('[data-ask-yes]');
        let opener = null;
        askDialog.addEventListener('hidden.bs.modal', () => opener && opener.isConnected && opener.focus());
        document.addEventListener('submit', event => {
            const form = event.target;
            const question = form.dataset && (form.dataset.confirmQuestion || form.dataset.ask);
            if (!question) {
                return;
            }
            if (form.dataset.confirmed === 'yes') {
                delete form.dataset.confirmed;
                return;
            }
            event.preventDefault();
            const submitter = event.submitter && event.submitter.form === form ? event.submitter : null;
            opener = submitter;
            document.getElementById('ask-question').textContent = question;
            const label = submitter && submitter.textContent.replace(/\s+/g, ' ').trim();
            yes.textContent = label || yes.dataset.label;
            const danger = submitter && /\bbtn-(outline-)?danger\b/.test(submitter.className);
            yes.className = 'btn ' + (danger ? 'btn-danger' : 'btn-primary');
            yes.onclick = () => {
                opener = null;
                askModal.hide();
                form.dataset.confirmed = 'yes';
                form.requestSubmit(submitter || undefined);
            };
            askModal.show();
        });
    }

    // A form posted once is not posted again while its answer is on the way: a double click on Save made two
    // licences. Registered after the question above, so that a form waiting for its yes is not counted as posted;
    // a form a script sends itself (the import) prevents the default and is left alone. A page the browser brings
    // back with Back (its memory of pages) may post again.
    document.addEventListener('submit', event => {
        const form = event.target;
        if (event.defaultPrevented || (form.getAttribute('method') || '').toLowerCase() !== 'post') {
            return;
        }
        if (form.dataset.posted === 'yes') {
            event.preventDefault();
            return;
        }
        form.dataset.posted = 'yes';
    });
    window.addEventListener('pageshow', event => {
        if (event.persisted) {
            document.querySelectorAll('form[data-posted]').forEach(form => delete form.dataset.posted);
        }
    });

    // Whether the focus is moving by keyboard: a drop-down reached with Tab stays closed until a key asks for it.
    let tabbing = false;
    document.addEventListener('keydown', event => (tabbing = event.key === 'Tab'), true);
    document.addEventListener('mousedown', () => (tabbing = false), true);

    document.querySelectorAll('select.client-select').forEach(select => {
        const url = select.dataset.optionsUrl;
        const form = select.form;
        const control = new TomSelect(select, {
            valueField: 'id',
            labelField: 'label',
            searchField: ['label'],
            maxOptions: 21,
            preload: 'focus',
            closeAfterSelect: true,
            // Filter on every key press. Tom-select's default waits 300 ms after the last key and then opens
            // the list again, so a person who chose within that time found the list back over the form,
            // and Enter picked from the options before what they had typed.
            refreshThrottle: 0,
            // "All" / "Don't assign to a user" stays first, then the best matches.
            sortField: [{field: 'rank', direction: 'asc'}, {field: '$score', direction: 'desc'}, {field: '$order', direction: 'asc'}],
            loadThrottle: 250,
            allowEmptyOption: true,
            load(query, callback) {
                fetch(url + '?q=' + encodeURIComponent(query), {headers: {Accept: 'application/json'}})
                    .then(json)
                    .then(options => options === null
                        ? callback()
                        : callback(options.map(option => Object.assign({rank: 1}, option))))
                    .catch(() => callback());
            },
            render: {
                no_results: (data, escape) => '<div class="no-results">' + escape(text('noClientMatches')) + '</div>',
                loading: (data, escape) => '<div class="spinner-border spinner-border-sm m-2" role="status"><span class="visually-hidden">'
                    + escape(text('loading')) + '</span></div>'
            }
        });
        // Tom-select points the visible label at its own text field and hides the select, which kept no name
        // (decision 0054): the hidden select leaves the accessibility tree, so that its text field is the only
        // control a screen reader meets, named by the label. Set after tom-select has copied the select's
        // attributes, so that its own field stays in the Tab order.
        select.setAttribute('aria-hidden', 'true');
        // The select's help or error, and whether it was refused, belong to that field too: a screen reader reads the
        // error with it.
        ['aria-describedby', 'aria-invalid'].forEach(name => {
            if (select.hasAttribute(name)) {
                control.control_input.setAttribute(name, select.getAttribute(name));
                select.removeAttribute(name);
            }
        });
        // Pasting a name searches for it, as typing does. Tom-select cancels a paste whenever its text field is hidden,
        // as it is while the box is not focused and shows a choice; with no splitOn option that cancelling is all its
        // paste handler does, and Lighthouse reports the field as one that prevents pasting. A person pastes into the
        // focused box, where the field is shown; a locked (disabled) box still refuses.
        control.onPaste = event => control.isLocked && event.preventDefault();
        // Tom-select takes the focus on a timer after a click: a key typed before that was swallowed (the
        // box still counted as unfocused and kept its text field hidden). Taking it on the key itself keeps it.
        control.control_input.addEventListener('keydown', () => {
            if (!control.isFocused) {
                control.ignoreFocus = false;
                control.onFocus();
            }
        }, true);
        // Once a person has chosen, answers to what they typed before must not open the list again over
        // the rest of the form: it opens again only when they type, press a key or click in the box.
        let justChose = false;
        control.on('change', () => (justChose = true));
        control.on('type', () => (justChose = false));
        ['keydown', 'mousedown'].forEach(kind => control.wrapper.addEventListener(kind, () => (justChose = false), true));
        // Reached with Tab, the box stays closed, so tabbing through the filters does not open a list over them;
        // typing, a key such as Arrow down, or a click opens it.
        let quiet = false;
        control.on('focus', () => (quiet = tabbing));
        control.wrapper.addEventListener('keydown', event => {
            if (event.key !== 'Tab' && event.key !== 'Shift') {
                quiet = false;
            }
        }, true);
        control.wrapper.addEventListener('mousedown', () => (quiet = false), true);
        // Kept shut by refusing to open rather than by closing once open: tom-select's open() focuses the box and
        // then, on the next turn, runs its focus handler, which opens it again; closing each time made that a loop
        // that pulled the focus back into the box whenever Tab left it (a keyboard trap).
        const open = control.open.bind(control);
        control.open = () => justChose || quiet || open();
        // Once a client is chosen the list closes and stays shut (justChose above), a search answer arriving later
        // included; the focus stays on the box, so that a keyboard user carries on from it with Tab. Blurring the
        // box here sent the focus to the page's body: a screen reader lost its place and no field showed the focus.
        control.on('item_add', () => setTimeout(() => control.close()));
        // Keep "All" / "Don't assign to a user" offered whatever was typed.
        control.on('load', () => control.addOption({id: '', label: select.dataset.all, rank: 0}));
        control.updateOption('', {id: '', label: select.dataset.all, rank: 0});
        if (select.dataset.autosubmit && form) {
            control.on('change', () => {
                rememberFilter(select);
                form.requestSubmit();
            });
        }
    });

    // After a refused form, the keyboard starts at the first field to correct. A client box is focused through
    // tom-select, as if reached with Tab: focusing its text field directly opened its list over the rest of the form.
    // A refused field the page chose to start at comes first: after a refused sign-in both fields are marked, and
    // the e-mail kept filled in is not the one to type again, the password is (the page autofocuses it).
    const firstInvalid = document.querySelector('[aria-invalid="true"][autofocus]')
        || document.querySelector('[aria-invalid="true"]');
    const invalidBox = Array.from(document.querySelectorAll('select.client-select'))
        .map(select => select.tomselect)
        .find(box => box && box.control_input === firstInvalid);
    const startIn = box => {
        tabbing = true;
        box.focus();
        setTimeout(() => (tabbing = false));
    };
    // The list's "Assign a client to licence … to select it" opens the edit form at #choose-client: the keyboard
    // starts in its client box, closed, as after a refused form. The fragment names no element on purpose: naming the
    // select (#clientId) made Chromium focus the select tom-select hides, after this script had focused the box.
    const boxToChoose = window.location.hash === '#choose-client' && document.querySelector('select.client-select');
    if (invalidBox) {
        startIn(invalidBox);
    } else if (firstInvalid) {
        firstInvalid.focus();
    } else if (boxToChoose && boxToChoose.tomselect) {
        startIn(boxToChoose.tomselect);
    }
    // After a screen is registered, an API token made or a webhook endpoint added, the keyboard starts at its secret,
    // shown only this once: a screen reader reads it, and its Copy button is the next Tab rather than many Tabs down the
    // page (the menu first).
    const newSecret = document.getElementById('new-credential') || document.getElementById('new-token')
        || document.getElementById('signing-secret');
    if (newSecret && !firstInvalid) {
        newSecret.focus();
    }
    // A refusal with no field to correct (a screen sent for a licence that ended meanwhile) takes the keyboard, so that
    // it is read out rather than left somewhere down the page.
    const refusal = document.querySelector('.alert[role="alert"][tabindex="-1"]');
    if (refusal && !firstInvalid && !newSecret) {
        refusal.focus();
    }

    // A form posted from the keyboard that comes back to its own page (a person's role changed or their access turned
    // off, an endpoint disabled, settings saved) left the keyboard at the top of the page, on a phone the screen too,
    // away from what was just done. The page that follows puts the focus back where it was, if nothing else took it (a
    // field to correct, a secret shown once): on the field the form was sent from with Enter (the browser names the
    // form's first button as the sender, and the person was typing in the field, not on Save: decision 0149), else on
    // the same form's button, or on the button of the form that takes its place (Disable becomes Enable: both name the
    // same data-focus-key), or on the summary of the closed disclosure the form is kept in. A form gone with its button
    // (a delivery sent again is waiting, and has no Send again until it is over) leaves the focus on what says the
    // outcome in its row (its status), else on the page's heading. A row of the licence list does this its own way,
    // below.
    const POSTED = 'licenceDesk.postedFrom';
    const here = location.pathname + location.search;
    const formKey = form => form.dataset.focusKey || form.getAttribute('action');
    const posted = JSON.parse(sessionStorage.getItem(POSTED) || 'null');
    sessionStorage.removeItem(POSTED);
    // Shown, as a person sees it: the content of a closed disclosure has boxes in Chromium (getClientRects), but takes no
    // focus.
    const focusable = element => element && !element.disabled
        && (element.checkVisibility ? element.checkVisibility() : element.getClientRects().length > 0);
    const focusBack = () => {
        const forms = [...document.querySelectorAll('#main form')].filter(form => formKey(form) === posted.key);
        const field = posted.field && forms.flatMap(form => [...form.elements]).find(element =>
            (element.name || element.id) === posted.field && (element.type !== 'radio' || element.checked)
            && focusable(element.tomselect ? element.tomselect.wrapper : element));
        if (field) {
            return field.tomselect ? startIn(field.tomselect) : field.focus();
        }
        const buttons = forms.flatMap(form => [...form.querySelectorAll('button[type=submit], button:not([type])')])
            .filter(focusable);
        const same = buttons.find(button => button.textContent.trim() === posted.label);
        if (same || buttons[0]) {
            return (same || buttons[0]).focus();
        }
        // A form kept in a closed disclosure (a screen's Rename, closed again once saved): its summary, which now
        // names what was saved ("Rename screen “Till two”").
        const summary = forms.map(form => form.closest('details:not([open])')?.querySelector(':scope > summary'))
            .find(focusable);
        if (summary) {
            return summary.focus();
        }
        const outcome = posted.row && document.getElementById(posted.row)?.querySelector('[data-row-outcome]');
        if (outcome) {
            outcome.tabIndex = -1;
            return outcome.focus();
        }
        // A form gone with its row (a screen removed): the same button of the row that took its place, else of the row
        // now last, so that the person goes on down the list (decision 0156); the page's message says what was done.
        const rows = posted.table ? [...(document.getElementById(posted.table)?.tBodies[0]?.rows || [])] : [];
        const row = rows.length > 0 ? rows[Math.min(posted.rowIndex, rows.length - 1)] : null;
        const next = row && ([...row.querySelectorAll('button, a[href], summary')].find(control => focusable(control)
                && control.textContent.trim() === posted.label) || row.querySelector('[data-row-stop]'));
        if (next) {
            return next.focus();
        }
        // Else what the form changed, which it names (data-focus-after: an invoice's details after Mark paid or Void,
        // the screens' heading after the last screen is removed), else the page's heading.
        const changed = posted.after && document.getElementById(posted.after);
        const heading = document.querySelector('#main h1');
        const target = changed || heading;
        if (target) {
            target.tabIndex = -1;
            target.focus();
        }
    };
    if (posted && posted.page === here && Date.now() - posted.at < 30000
        && (document.activeElement === document.body || document.activeElement === null)) {
        focusBack();
    }
    let byKeyboard = false;
    document.addEventListener('keydown', () => (byKeyboard = true), true);
    document.addEventListener('pointerdown', () => (byKeyboard = false), true);
    // The field the keyboard was in when the form was sent, by its name (or a client box's select's): only a field
    // typed in, not the button pressed.
    const typedIn = form => {
        const at = document.activeElement;
        const box = at && at.closest('.ts-wrapper');
        const field = box ? box.parentElement.querySelector('select.client-select') : at;
        const typed = field && field.form === form
            && (field.matches('textarea, select') || (field.matches('input') && !/^(submit|button|image|reset)$/.test(field.type)));
        return typed ? field.name || field.id || null : null;
    };
    document.addEventListener('submit', event => {
        const form = event.target;
        const submitter = event.submitter;
        if (event.defaultPrevented || !byKeyboard || !submitter || !form.closest('#main')
            || (form.getAttribute('method') || '').toLowerCase() !== 'post' || submitter.closest('[data-row-keys]')) {
            return;
        }
        sessionStorage.setItem(POSTED, JSON.stringify({
            page: here, key: formKey(form), label: submitter.textContent.trim(), field: typedIn(form),
            row: form.closest('tr[id]')?.id || null, after: form.dataset.focusAfter || null,
            table: form.closest('table[id]')?.id || form.dataset.focusTable || null,
            rowIndex: form.closest('tbody > tr')?.sectionRowIndex ?? Number(form.dataset.focusRowIndex ?? -1),
            at: Date.now()
        }));
    });

    // A list's filter that loads the list again as soon as it is changed (Status, User, the page size, the Expiring soon
    // and Expired toggles, a column's sort) left the keyboard at the top of the list it loaded: Arrow down in Status
    // chose the next status and lost the place, and a screen reader started the page again (decision 0149). The list
    // that follows gives the focus back to the same control, as a person who changed it from the keyboard left it.
    const FILTERED = 'licenceDesk.filteredWith';
    const filterKey = control => control.id ? 'id:' + control.id
        : control.matches('.sort-link') ? 'sort:' + (control.querySelector('span') || control).textContent.trim()
            : 'toggle:' + control.textContent.trim();
    const filters = () => [...document.querySelectorAll('#main select[data-autosubmit], #main .filter-toggle, #main .sort-link, #main form[method="get"] input[type="search"][id]')];
    const rememberFilter = control => byKeyboard && sessionStorage.setItem(FILTERED,
        JSON.stringify({path: location.pathname, key: filterKey(control), at: Date.now()}));
    document.addEventListener('click', event => {
        const link = event.target instanceof Element && event.target.closest('#main .filter-toggle, #main .sort-link');
        if (link) {
            rememberFilter(link);
        }
    });
    // A search typed and sent with Enter loads the list as the filters do: the keyboard was at the top of the page; it
    // goes back to the search box, read with what it found (decision 0156). Typing loads nothing until Enter.
    document.addEventListener('submit', event => {
        const field = document.activeElement;
        if (event.target.matches('#main form[method="get"]') && field && field.form === event.target
            && field.matches('input[type="search"][id]')) {
            rememberFilter(field);
        }
    });
    const filtered = JSON.parse(sessionStorage.getItem(FILTERED) || 'null');
    sessionStorage.removeItem(FILTERED);
    const sameFilter = filtered && filtered.path === location.pathname && Date.now() - filtered.at < 30000
        && (document.activeElement === document.body || document.activeElement === null)
        && (filters().find(control => filterKey(control) === filtered.key)
            || (filtered.key.startsWith('id:') && document.getElementById(filtered.key.slice(3))));
    if (sameFilter) {
        // What the change found is read with the control: "Status, Paused, 12 licences".
        const count = filters().includes(sameFilter) && document.querySelector('#main [data-list-count][id]');
        const named = sameFilter.tomselect ? sameFilter.tomselect.control_input : sameFilter;
        if (count) {
            named.setAttribute('aria-describedby',
                [named.getAttribute('aria-describedby'), count.id].filter(Boolean).join(' '));
        }
        sameFilter.tomselect ? startIn(sameFilter.tomselect) : sameFilter.focus();
        // A search box takes the keyboard after its words, as the person left it, not before them.
        if (sameFilter.matches('input[type="search"]')) {
            sameFilter.setSelectionRange(sameFilter.value.length, sameFilter.value.length);
        }
    }

    // Search forms leave empty fields out of the address, so that links stay short and shareable.
    document.querySelectorAll('form[method="get"]').forEach(form => {
        form.addEventListener('formdata', event => {
            [...event.formData.entries()]
                .filter(([, value]) => value === '')
                .forEach(([name]) => event.formData.delete(name));
        });
    });

    // A client's name or e-mail cut off in the main list shows whole as a tooltip. The title is set when the
    // pointer first reaches it rather than written twice into every row of the page.
    document.addEventListener('mouseover', event => {
        const text = event.target.closest('.licence-table td:nth-child(4) .text-truncate');
        if (text && !text.title) {
            text.title = text.textContent;
        }
    });

    // On a phone a list's rows become stacked cards (decision 0054): each cell is labelled with its column's heading,
    // copied here from the table's head so that the words stay those of the page's language.
    document.querySelectorAll('main table.table').forEach(table => {
        const headings = [...table.querySelectorAll('thead th')].map(th => th.textContent.replace(/[▲▼↕]/g, '').trim());
        if (headings.length < 3) {
            return;
        }
        table.classList.add('table-cards');
        table.querySelectorAll('tbody tr').forEach(row => {
            [...row.children].forEach((cell, index) => {
                if (!cell.hasAttribute('colspan') && headings[index]) {
                    cell.dataset.label = headings[index];
                }
            });
        });
    });
    // A region that scrolls (a wide table on a narrow screen; a pixel of height a hidden caption adds) can be scrolled
    // from the keyboard. Whether it scrolls can change after this script ran (charts drawn, fonts loaded, a scroll bar
    // appearing), so each region is looked at again whenever its size or its content's changes.
    // A list that scrolls sideways (the licences' or invoices' many columns on a 1024 px tablet, decision 0120) is a Tab
    // stop named by its list and said to scroll ("Licences, scrolls sideways"), links in it or not: the arrows then
    // scroll it, and a screen reader hears that columns are out of sight (WCAG 1.4.10, decision 0156). Its links alone
    // reached only the columns that have one. When it fits again (the window widened) it is no Tab stop.
    const listName = region => {
        const caption = region.querySelector('caption.visually-hidden');
        const section = region.closest('section[aria-labelledby], .card');
        const heading = section && (section.querySelector('h2') || document.getElementById(section.getAttribute('aria-labelledby')));
        return ((caption || heading || document.querySelector('#main h1') || region).textContent)
            .replace(/\s+/g, ' ').trim().slice(0, 60);
    };
    const scrollable = region => {
        const sideways = region.scrollWidth > region.clientWidth + 1;
        const scrolls = sideways || region.scrollHeight > region.clientHeight;
        if (sideways || (scrolls && !region.querySelector('a[href], button, input, select'))) {
            region.tabIndex = 0;
            region.setAttribute('role', 'region');
            region.setAttribute('aria-label', sideways ? text('scrollsSideways', listName(region)) : listName(region));
            region.dataset.scrollRegion = 'yes';
        } else if (region.dataset.scrollRegion) {
            ['tabindex', 'role', 'aria-label', 'data-scroll-region'].forEach(name => region.removeAttribute(name));
        }
    };
    const regions = new ResizeObserver(entries => entries.forEach(entry =>
        scrollable(entry.target.closest('.table-responsive') || entry.target)));
    document.querySelectorAll('.table-responsive').forEach(region => {
        scrollable(region);
        regions.observe(region);
        [...region.children].forEach(child => regions.observe(child));
    });

    // A row of the licence list is one Tab stop, its name's link (decision 0054): its selection box, copy button and
    // actions are left out of the Tab order and reached with Arrow right and Arrow left from it; Tab goes on to the
    // next row, so the pager is a few Tabs away rather than five a row. Up and down move to the next or previous row.
    document.querySelectorAll('table[data-row-keys]').forEach(table => {
        const controls = row => [...row.querySelectorAll('a[href], button, input')].filter(element => !element.disabled);
        const stop = row => row.querySelector('[data-row-stop]');
        table.querySelectorAll('tbody tr').forEach(row => {
            controls(row).filter(element => !element.hasAttribute('data-row-stop')).forEach(element => (element.tabIndex = -1));
        });
        // A row's Pause or Resume posts the page and comes back to the same list, loaded at its top: the keyboard, and a
        // phone's screen, went back to the top of the page, rows away from the licence acted on. The row's code is kept
        // for the page that follows, which puts the focus back on that row's Resume or Pause (or its name).
        const acted = 'licenceDesk.actedOnRow';
        const here = location.pathname + location.search;
        // From the keyboard only (a click it makes has no pointer's count): a pointer's next click, on the page that
        // follows, would land where the row stood before its keys' caption, shown while the focus is in the table,
        // moved it.
        table.addEventListener('click', event => {
            const button = event.detail === 0 && event.target.closest('button[form="row-action"]');
            const copy = button && button.closest('tr').querySelector('[data-copy]');
            if (copy) {
                sessionStorage.setItem(acted, JSON.stringify({page: here, code: copy.dataset.copy, at: Date.now()}));
            }
        });
        const last = JSON.parse(sessionStorage.getItem(acted) || 'null');
        sessionStorage.removeItem(acted);
        // Only just after the action: a post that ended elsewhere (a signed-out session) must not move it later.
        const copy = last && last.page === here && Date.now() - last.at < 30000
            && [...table.querySelectorAll('tbody [data-copy]')].find(button => button.dataset.copy === last.code);
        if (copy) {
            const row = copy.closest('tr');
            (row.querySelector('button[form="row-action"]') || stop(row)).focus();
        }
        table.addEventListener('keydown', event => {
            const row = event.target.closest('tbody tr');
            if (!row || !['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)
                    || event.altKey || event.ctrlKey || event.metaKey) {
                return;
            }
            let target = null;
            if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
                const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
                target = next && stop(next);
            } else {
                const all = controls(row);
                const at = all.indexOf(event.target);
                target = event.key === 'Home' ? all[0] : event.key === 'End' ? all[all.length - 1]
                    : all[at + (event.key === 'ArrowRight' ? 1 : -1)];
            }
            if (target) {
                event.preventDefault();
                target.focus();
            }
        });
    });

    // A link shown and announced as a button (the lists' Expiring soon, Expired and other filter toggles: role="button"
    // with aria-pressed) is worked as a button is, with Space as well as Enter: a screen reader says "toggle button", and
    // Space scrolled the page instead (decision 0149). Pressed on the key's release, as a button is.
    const linkButton = target => target instanceof Element && target.matches('a[role="button"][href]:not([data-bs-toggle])');
    document.addEventListener('keydown', event => {
        if (event.key === ' ' && linkButton(event.target) && !event.altKey && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
        }
    });
    document.addEventListener('keyup', event => {
        if (event.key === ' ' && linkButton(event.target) && !event.altKey && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            event.target.click();
        }
    });

    // A select changed from the keyboard (Arrow down in Status: each step is a change in Chromium on Windows and Linux)
    // loaded the list at every step, so reaching "Paused" from "All" loaded it five times and a screen reader
    // was taken through five pages (decision 0156). A change made from the keyboard loads the list once the arrows rest
    // for a moment, at once on Enter, and at once when the focus leaves the select, with the focus then given back to
    // where it went. A change made with the pointer loads at once, as before.
    const SELECT_REST_MS = 1000;
    document.querySelectorAll('select[data-autosubmit]:not(.client-select)').forEach(select => {
        let waiting = null;
        const load = (focusAfter = select) => {
            clearTimeout(waiting);
            waiting = null;
            rememberFilter(focusAfter);
            select.form.requestSubmit();
        };
        select.addEventListener('change', () => {
            if (!byKeyboard) {
                return load();
            }
            clearTimeout(waiting);
            waiting = setTimeout(load, SELECT_REST_MS);
        });
        select.addEventListener('keydown', event => {
            if (event.key === 'Enter' && waiting) {
                event.preventDefault();
                load();
            }
        });
        select.addEventListener('blur', event => {
            if (waiting) {
                const to = event.relatedTarget instanceof Element ? event.relatedTarget : null;
                // A client box is given the focus through its select, closed (startIn above).
                const next = to && to.closest('.ts-wrapper') ? to.closest('.ts-wrapper').parentElement.querySelector('select') : to;
                load(next && next.id && next.closest('#main') ? next : select);
            }
        });
    });

    const dialog = document.getElementById('delete-dialog');
    if (dialog) {
        const modal = new bootstrap.Modal(dialog);
        // Bootstrap gives the focus back to the button that opened a dialog only when it opened it itself.
        let opener = null;
        dialog.addEventListener('hidden.bs.modal', () => opener && opener.isConnected && opener.focus());
        document.addEventListener('click', event => {
            const button = event.target.closest('[data-delete]');
            if (!button) {
                return;
            }
            opener = button;
            const refusal = button.dataset.refusal;
            // A row of the main list names its code and address once: on its copy button and its name's link.
            const row = button.closest('tr');
            const code = button.dataset.code || row.querySelector('[data-copy]').dataset.copy;
            const form = dialog.querySelector('#delete-form');
            form.action = button.dataset.action || row.querySelector('a.licence-name').href + '/delete';
            // A row deleted from the list: the keyboard goes on at the row that takes its place (decision 0156).
            const table = row && row.closest('table[id]');
            if (table) {
                form.dataset.focusTable = table.id;
                form.dataset.focusRowIndex = row.sectionRowIndex;
            } else {
                delete form.dataset.focusTable;
                delete form.dataset.focusRowIndex;
            }
            dialog.querySelector('[data-question]').hidden = !!refusal;
            const alert = dialog.querySelector('[data-refusal]');
            alert.hidden = !refusal;
            alert.textContent = refusal || '';
            dialog.querySelector('[data-confirm]').hidden = !!refusal;
            // A dialog that only says why has nothing to cancel: it is closed (decision 0165).
            dialog.querySelector('[data-cancel]').hidden = !!refusal;
            dialog.querySelector('[data-close]').hidden = !refusal;
            dialog.querySelector('#delete-title').textContent =
                refusal ? text('deleteRefused', code) : text('deleteTitle', code);
            modal.show(button);
        });
    }

    // Escape closes a phone's menu, opened with its Menu button, from wherever the keyboard is in it, and gives the focus
    // back to that button, as the user menu and the dialogs do: it stayed open over the page. It goes before the
    // toasts below. The user menu inside it closes first (Bootstrap takes that Escape).
    const menu = document.getElementById('nav');
    const menuButton = document.querySelector('.navbar-toggler[data-bs-target="#nav"]');
    if (menu && menuButton) {
        document.addEventListener('keydown', event => {
            if (event.key !== 'Escape' || event.defaultPrevented || menuButton.getAttribute('aria-expanded') !== 'true'
                || menuButton.getClientRects().length === 0
                || !(menu.contains(event.target) || event.target === menuButton)) {
                return;
            }
            event.preventDefault();
            menuButton.focus();
            // Bootstrap ignores a hide while the menu is still opening (about 350 ms): it is done once it has opened.
            const collapse = bootstrap.Collapse.getOrCreateInstance(menu, {toggle: false});
            if (menu.classList.contains('collapsing')) {
                menu.addEventListener('shown.bs.collapse', () => collapse.hide(), {once: true});
            } else {
                collapse.hide();
            }
        });
    }

    // Escape closes the messages shown, when no dialog is open to take it: an error stays until it is closed
    // (decision 0136), and Tab reaches its close button only after the whole page; on a phone it takes the bottom of
    // the screen meanwhile (the page keeps room for it, decision 0139). A list or menu that Escape closes has already
    // taken the key (defaultPrevented).
    document.addEventListener('keydown', event => {
        if (event.key !== 'Escape' || event.defaultPrevented || event.target.closest('.modal')
            || document.querySelector('.modal.show')) {
            return;
        }
        document.querySelectorAll('#toasts .toast.show').forEach(shown => bootstrap.Toast.getOrCreateInstance(shown).hide());
    });

    // A toast closed with the focus in it (its Close button, or Escape from there) took the focus with it to the page's
    // body, and the next Tab started again at the top of the page. The focus goes back where the person was: the
    // control focused before the toasts, while it is still in the page and can take it, else the page's heading.
    if (toasts) {
        let before = null;
        document.addEventListener('focusin', event => toasts.contains(event.target) || (before = event.target));
        let hadTheFocus = false;
        toasts.addEventListener('hide.bs.toast', event => (hadTheFocus = event.target.contains(document.activeElement)));
        toasts.addEventListener('hidden.bs.toast', () => {
            if (!hadTheFocus) {
                return;
            }
            hadTheFocus = false;
            const usable = element => element && element.isConnected && !element.disabled && !element.closest('[inert]')
                && element.getClientRects().length > 0;
            const heading = document.querySelector('#main h1');
            if (usable(before)) {
                before.focus();
            } else if (heading) {
                heading.tabIndex = -1;
                heading.focus();
            }
        });
    }

    // Tab goes round an open dialog. Bootstrap brings the focus back only when it lands on the page behind: Tab from a
    // dialog's last button went to the browser's address bar first, and Shift+Tab from its first left it the same way.
    document.addEventListener('keydown', event => {
        const open = document.querySelector('.modal.show');
        if (event.key !== 'Tab' || !open) {
            return;
        }
        const stops = [...open.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')]
            .filter(element => !element.disabled && !element.hidden && element.getClientRects().length > 0);
        if (stops.length === 0) {
            return;
        }
        const first = stops[0];
        const last = stops[stops.length - 1];
        const at = document.activeElement;
        if (!event.shiftKey && (at === last || !open.contains(at))) {
            event.preventDefault();
            first.focus();
        } else if (event.shiftKey && (at === first || at === open || !open.contains(at))) {
            event.preventDefault();
            last.focus();
        }
    });
})();

// Selecting licences for invoicing: the selection lives on the server (it survives paging and filters).
(function () {
    'use strict';
    const {text, count: counted, json} = window.licenceDesk;
    const toolbar = document.getElementById('selection-toolbar');
    if (!toolbar) {
        return;
    }
    const csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
    const csrfToken = document.querySelector('meta[name="_csrf"]').content;
    const count = document.getElementById('selection-count');
    const total = document.getElementById('selection-total');
    const send = document.getElementById('send-invoices');
    const clear = document.getElementById('selection-clear');
    const question = document.getElementById('send-question');
    const pause = document.getElementById('selection-pause');
    const resume = document.getElementById('selection-resume');
    const exportLink = document.getElementById('selection-export');
    let selected = 0;

    function show(selection) {
        if (selection === null) {
            return; // the session has ended: the page says so, and the toolbar stays as it was
        }
        const n = selection.count;
        count.textContent = counted('selected', n);
        total.textContent = n === 0 ? '—' : selection.total;
        selected = n;
        send.disabled = n === 0;
        clear.disabled = n === 0;
        pause.disabled = n === 0;
        resume.disabled = n === 0;
        exportLink.classList.toggle('disabled', n === 0);
        exportLink.setAttribute('aria-disabled', String(n === 0));
        // A link is not disabled by its class: out of the Tab order while nothing is selected, as the buttons beside
        // it are, or Enter downloaded a file of no licences.
        if (n === 0) {
            exportLink.setAttribute('tabindex', '-1');
        } else {
            exportLink.removeAttribute('tabindex');
        }
        question.textContent = counted('send', n, selection.total);
        const ids = new Set(selection.ids.map(String));
        document.querySelectorAll('input.select-licence').forEach(box => { box.checked = ids.has(box.dataset.id); });
        if (selection.error) {
            window.licenceDesk.toast(selection.error, 'danger');
        }
    }

    // One change at a time, in the order clicked: each reads and writes the whole selection.
    let queue = Promise.resolve();

    function post(url, body) {
        const request = () => fetch(url, {
            method: 'POST',
            headers: {[csrfHeader]: csrfToken, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
            body: body
        }).then(json);
        queue = queue.then(request, request);
        return queue;
    }

    document.addEventListener('change', event => {
        const box = event.target.closest('input.select-licence');
        if (box) {
            post('/licences/selection', new URLSearchParams({id: box.dataset.id, selected: box.checked}))
                .then(selection => {
                    if (selection === null) {
                        box.checked = !box.checked; // not saved: the box shows what the selection still holds
                    }
                    show(selection);
                });
        }
    });
    clear.addEventListener('click', () => post('/licences/selection/clear', '').then(selection => {
        show(selection);
        // The button it was on is disabled now that nothing is selected, which dropped the keyboard at the top of the
        // page: it goes to the count instead, which says what happened ("0 selected").
        if (clear.disabled && (document.activeElement === clear || document.activeElement === document.body)) {
            count.focus();
        }
    }));
    exportLink.addEventListener('click', event => {
        if (exportLink.getAttribute('aria-disabled') === 'true') {
            event.preventDefault();
        }
    });
    // Pause and Resume share one dialog: the button that opened it says which, and the question gives the count.
    document.getElementById('bulk-dialog').addEventListener('show.bs.modal', event => {
        const verb = event.relatedTarget.dataset.verb;
        document.getElementById('bulk-form').action = event.relatedTarget.dataset.action;
        document.getElementById('bulk-title').textContent = text(verb + 'Title');
        document.getElementById('bulk-question').textContent = counted(verb, selected);
        document.getElementById('bulk-confirm').textContent = text(verb + 'Confirm');
        // What the action leaves as it is differs: a pause leaves the paused ones, a resume those not paused.
        document.getElementById('bulk-hint').textContent = text(verb + 'Hint');
    });
    queue = fetch('/licences/selection', {headers: {Accept: 'application/json'}}).then(json).then(show);
})();

// Licence import: the file goes as the request's body, with an upload progress bar (without this script the browser
// posts the form itself, which the server reads too: decision 0133); then the import's page follows its check or
// import until it ends.
(function () {
    'use strict';
    const {text, language, signedOut, expiredFormToken} = window.licenceDesk;
    const FOLLOWED = 'licenceDesk.followedImport';
    const follow = path => sessionStorage.setItem(FOLLOWED, JSON.stringify({path: path, at: Date.now()}));
    // Only an import followed a moment ago, or for as long as it ran: one left and opened again later is read from
    // its top as any page.
    const followed = () => {
        const last = JSON.parse(sessionStorage.getItem(FOLLOWED) || 'null');
        return last && Date.now() - last.at < 30000 ? last.path : null;
    };
    const form = document.getElementById('import-form');
    if (form) {
        const input = document.getElementById('import-file');
        const error = document.getElementById('import-file-error');
        const bar = document.getElementById('upload-progress');
        const button = document.getElementById('import-check');
        const fail = message => {
            error.textContent = message;
            input.classList.add('is-invalid');
            input.setAttribute('aria-invalid', 'true');
            bar.classList.add('d-none');
            button.disabled = false;
            // The field to correct takes the keyboard, with the reason it is described by: Check file was disabled
            // while the file was sent, which had dropped the focus on the page's body.
            input.focus();
        };
        form.addEventListener('submit', event => {
            event.preventDefault();
            error.textContent = '';
            input.classList.remove('is-invalid');
            input.removeAttribute('aria-invalid');
            const file = input.files[0];
            if (!file) {
                fail(text('importNoFile'));
                return;
            }
            const request = new XMLHttpRequest();
            request.open('POST', form.action + '?name=' + encodeURIComponent(file.name));
            request.setRequestHeader(document.querySelector('meta[name="_csrf_header"]').content,
                document.querySelector('meta[name="_csrf"]').content);
            request.setRequestHeader('Content-Type', 'text/csv');
            request.setRequestHeader('Accept', 'application/json');
            request.upload.addEventListener('progress', progress => {
                if (progress.lengthComputable) {
                    const percent = Math.round(progress.loaded * 100 / progress.total);
                    bar.setAttribute('aria-valuenow', percent);
                    bar.firstElementChild.style.width = percent + '%';
                    // The figure as well as the bar, written in the page's language ("42 %" in French).
                    bar.firstElementChild.textContent = (percent / 100).toLocaleString(language, {style: 'percent'});
                }
            });
            request.addEventListener('load', () => {
                let answer = {};
                try {
                    answer = JSON.parse(request.responseText);
                } catch (notJson) {
                    // Shown below as a general failure.
                }
                if (request.status === 201 && answer.location) {
                    follow(new URL(answer.location, window.location.href).pathname);
                    window.location.assign(answer.location);
                } else if (request.status === 401 || (request.status === 403 && answer.type === expiredFormToken)) {
                    // The session ended, or the page's form token is out of date: trying again cannot work until the
                    // page is reloaded (which asks to sign in first when needed). Any other 403 is the person's role,
                    // said below.
                    fail(text('importSignedOut'));
                    const reload = document.createElement('a');
                    reload.href = window.location.pathname;
                    reload.textContent = text('importReload');
                    error.append(' ', reload);
                } else if (request.status === 403) {
                    fail(text('notAllowed'));
                } else {
                    fail(answer.detail || text('importFailed', request.status));
                }
            });
            request.addEventListener('error', () => fail(text('importLost')));
            button.disabled = true;
            bar.classList.remove('d-none');
            request.send(file);
        });
    }
    const page = document.getElementById('import-page');
    // The import's page loads again by itself when its check or import ends (and after Import is confirmed): the
    // keyboard was back at the top of the page, and a screen reader heard nothing of the outcome. The page followed
    // from here gives the keyboard its outcome when it ends (the report's heading or the message saying what
    // happened), so that it is read out and the next Tab reaches Import or Discard.
    const outcome = page && page.querySelector('[data-import-outcome]');
    if (outcome && !page.dataset.progressUrl && followed() === window.location.pathname) {
        sessionStorage.removeItem(FOLLOWED);
        outcome.focus();
    }
    page && page.addEventListener('submit', () => follow(window.location.pathname));
    const url = page && page.dataset.progressUrl;
    if (!url) {
        return;
    }
    const number = value => Number(value).toLocaleString(language);
    // A session that ended answers 401 (decision 0088), or the sign-in page where something in between redirects:
    // the figures stop where they are, and the page says why and how to follow the import again.
    const stop = why => {
        document.querySelector('#import-progress .progress-bar').classList.remove('progress-bar-animated');
        document.getElementById(why).classList.remove('d-none');
    };
    // An import this person can no longer see (a 404 or 403 problem) will not come back by asking again: the page
    // says so and stops. A fault of ours or an unreachable database (5xx) may pass, so that is asked again.
    const poll = () => fetch(url, {headers: {Accept: 'application/json'}})
        .then(response => {
            if (signedOut(response)) {
                return 'import-signed-out';
            }
            if (response.status >= 400 && response.status < 500) {
                return 'import-gone';
            }
            if (!response.ok) {
                throw new Error(response.status);
            }
            return response.json();
        })
        .then(progress => {
            if (typeof progress === 'string') {
                stop(progress);
                return;
            }
            if (!progress.running) {
                follow(window.location.pathname);
                window.location.reload();
                return;
            }
            const bar = document.getElementById('import-progress');
            bar.setAttribute('aria-valuenow', progress.percent);
            bar.firstElementChild.style.width = progress.percent + '%';
            // "42 %" in French, with its no-break space, as the page first wrote it (decision 0093).
            bar.firstElementChild.textContent = (progress.percent / 100).toLocaleString(language, {style: 'percent'});
            document.getElementById('import-done').textContent = number(progress.done);
            document.getElementById('import-rate').textContent = number(progress.rate);
            document.getElementById('import-left').textContent = progress.timeLeft;
            setTimeout(poll, 1000);
        })
        .catch(() => setTimeout(poll, 3000));
    setTimeout(poll, 500);
})();
