package io.licencedesk.support;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * WCAG 2.2 SC 2.5.8, Target Size (Minimum), read from a page as the browser lays it out: every visible control (a
 * link, button, field, drop-down, summary, or an element with a widget's role or in the Tab order) is at least 24×24
 * CSS px, unless it meets one of the SC's exceptions that a page can be checked for:
 *
 * <ul>
 *   <li>spacing: a 24 px circle centred on it does not intersect another target, nor the circle of another target
 *       under 24 px;
 *   <li>inline: a link inside a sentence, its height set by the line of text around it (a display:inline link in a
 *       block with ten letters or more of its own, outside any target: "View licences · Edit" is a row of links, not a
 *       sentence).
 * </ul>
 *
 * While a dialog is open (aria-modal), only its controls are targets: the page under it cannot be reached.
 *
 * <p>axe-core has a rule for the SC (target-size), off by default and left off: it runs after every page load of every
 * browser test, where the pages' states are many more than those this check is run on.
 */
public final class TargetSizes {

    /** One line per control at fault: what it is, its size, and the targets too near it. */
    static final String CHECK = """
            () => {
              const SELECTOR = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], '
                  + '[role=link], [role=checkbox], [role=radio], [role=switch], [role=tab], [role=menuitem], '
                  + '[role=option], [tabindex]:not([tabindex="-1"])';
              const MIN = 24;
              const hidden = element => {
                for (let at = element; at; at = at.parentElement) {
                  const style = getComputedStyle(at);
                  if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)') {
                    return true;
                  }
                }
                return false;
              };
              const shown = element => {
                if (element.disabled
                    || !element.checkVisibility({visibilityProperty: true, opacityProperty: true})) {
                  return false;
                }
                const box = element.getBoundingClientRect();
                // A visually hidden control (a skip link until it has the focus) is 1 px, or clipped away.
                return box.width > 1 && box.height > 1 && !hidden(element);
              };
              const inSentence = element => {
                if (getComputedStyle(element).display !== 'inline') {
                  return false;
                }
                let block = element.parentElement;
                while (block && getComputedStyle(block).display.startsWith('inline')) {
                  block = block.parentElement;
                }
                if (!block) {
                  return false;
                }
                const texts = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
                let words = '';
                for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                  if (!text.parentElement.closest(SELECTOR)) {
                    words += text.textContent;
                  }
                }
                return (words.match(/\\p{L}/gu) || []).length >= 10;
              };
              // While a dialog is open, the page under it cannot be reached: its controls are no targets.
              const scope = document.querySelector('[aria-modal=true]') || document;
              const controls = [...scope.querySelectorAll(SELECTOR)].filter(shown);
              // A control inside another (a button inside a link) is one target, the outer one.
              const targets = controls.filter(control => !controls.some(other => other !== control && other.contains(control)))
                  .map(element => {
                    const box = element.getBoundingClientRect();
                    return {element, left: box.left, top: box.top, width: box.width, height: box.height,
                            x: box.left + box.width / 2, y: box.top + box.height / 2};
                  });
              const small = target => target.width < MIN - 0.01 || target.height < MIN - 0.01;
              const distanceTo = (x, y, box) => Math.hypot(
                  Math.max(box.left - x, 0, x - (box.left + box.width)),
                  Math.max(box.top - y, 0, y - (box.top + box.height)));
              const named = element => {
                const name = (element.getAttribute('aria-label') || element.textContent || element.title
                    || element.name || element.id || '').replace(/\\s+/g, ' ').trim().slice(0, 50);
                return element.tagName.toLowerCase() + (element.type && element.tagName !== 'A' ? '[' + element.type + ']' : '')
                    + ' "' + name + '"';
              };
              const faults = [];
              for (const target of targets) {
                if (!small(target) || inSentence(target.element)) {
                  continue;
                }
                const near = targets.filter(other => other !== target
                    && (distanceTo(target.x, target.y, other) < MIN / 2
                        || small(other) && !inSentence(other.element)
                            && Math.hypot(target.x - other.x, target.y - other.y) < MIN));
                if (near.length > 0) {
                  faults.push(named(target.element) + ' ' + Math.round(target.width) + '×' + Math.round(target.height)
                      + ' px, within 12 px of ' + near.slice(0, 2).map(other => named(other.element)).join(' and '));
                }
              }
              return faults;
            }""";

    private TargetSizes() {}

    /** The controls of the page as it is now that are under 24×24 px and meet none of the SC's exceptions. */
    public static List<String> tooSmall(Page page) {
        return ((List<?>) page.evaluate(CHECK)).stream().map(String::valueOf).toList();
    }
}
