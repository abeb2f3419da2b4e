package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Keyboard-only use of the CC flows: focus stays where a person expects it when a chip or a row
 * goes away, tooltips get out of the way, the focus ring can be seen, and each screen has its title.
 */
class KeyboardIT extends ConsoleTest {
    private static final String MONA_ADDRESS = "mona@example.com";
    private static final String VERA = "vera@verify-agency.test";

    private String ticket() {
        world.enable("hr", Map.of());
        JsonNode t = world.createTicket("hr", "Laptop for Emma",
                List.of("Mona Manager <" + MONA_ADDRESS + ">", "Vera Verify <" + VERA + ">"));
        return t.path("id").asText();
    }

    private WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    private String status() {
        return browser.waitFor(d -> {
            String text = d.findElement(By.id("status")).getAttribute("textContent");
            return text.isEmpty() ? null : text;
        });
    }

    @Test
    void removing_reply_copies_with_the_keyboard_keeps_focus_on_the_next_chip_then_the_add_field() {
        String id = ticket();
        browser.signInAs(HANA);
        browser.open("#/tickets/" + id);
        browser.find(By.cssSelector(".recipient-group[data-group='cc'] li.chip"));
        browser.script("document.querySelector(\"button[aria-label='Remove " + MONA_ADDRESS + " from this reply']\").focus();");

        active().sendKeys(Keys.ENTER);
        assertThat(active().getAttribute("aria-label")).isEqualTo("Remove " + VERA + " from this reply");
        assertThat(status()).isEqualTo("Removed " + MONA_ADDRESS + " from this reply");
        assertThat(browser.find(By.id("status")).getAttribute("aria-live")).isEqualTo("polite");

        active().sendKeys(Keys.ENTER);
        assertThat(active().getAttribute("id")).isEqualTo(browser.labelled("Add recipient").getAttribute("id"));
        browser.waitFor(d -> d.findElement(By.id("status")).getAttribute("textContent").contains(VERA));
        // the ticket keeps both: a reply editor's removal is for this reply only
        assertThat(world.ticket(id, HANA).path("fields").path("cc")).hasSize(2);
    }

    @Test
    void the_cc_editor_keeps_focus_on_edit_on_row_removal_and_on_cancel() {
        String id = ticket();
        browser.signInAs(HANA);
        browser.open("#/tickets/" + id);
        WebElement edit = browser.find(By.xpath("//button[normalize-space(.)='Edit Secondary Contacts (CC)']"));
        browser.script("arguments[0].focus();", edit);
        active().sendKeys(Keys.ENTER);
        assertThat(active().getTagName()).isEqualTo("h3");
        assertThat(active().getText()).isEqualTo("Edit Secondary Contacts (CC)");

        active().sendKeys(Keys.TAB);
        assertThat(active().getAttribute("aria-label")).isEqualTo("Remove Mona Manager <" + MONA_ADDRESS + ">");
        active().sendKeys(Keys.ENTER);
        assertThat(active().getAttribute("aria-label")).isEqualTo("Remove Vera Verify <" + VERA + ">");
        assertThat(status()).contains(MONA_ADDRESS);
        active().sendKeys(Keys.ENTER);
        assertThat(active().getAttribute("id")).isEqualTo(browser.labelled("Add address").getAttribute("id"));

        WebElement cancel = browser.find(By.xpath("//form[contains(@class,'editor')]//button[normalize-space(.)='Cancel']"));
        browser.script("arguments[0].focus();", cancel);
        active().sendKeys(Keys.ENTER);
        assertThat(active().getText()).isEqualTo("Edit Secondary Contacts (CC)");
        assertThat(world.ticket(id, HANA).path("fields").path("cc")).as("Cancel saves nothing").hasSize(2);
    }

    @Test
    void the_provenance_tooltip_leaves_the_next_chip_visible_and_escape_hides_it() {
        String id = ticket();
        browser.signInAs(HANA);
        browser.open("#/tickets/" + id);
        browser.find(By.cssSelector(".field-view[data-field='cc'] li.chip"));
        for (var size : List.of(Browser.WIDE, Browser.NARROW)) {
            browser.driver().manage().window().setSize(size);
            List<WebElement> chips = browser.all(By.cssSelector(".field-view[data-field='cc'] li.chip"));
            assertThat(chips).hasSize(2);
            browser.script("arguments[0].focus();", chips.get(0));
            WebElement tip = chips.get(0).findElement(By.cssSelector(".tip"));
            assertThat(tip.isDisplayed()).isTrue();
            Boolean overlaps = (Boolean) browser.script("const a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();"
                    + "return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;", tip, chips.get(1));
            assertThat(overlaps).as("the tooltip covers the next chip at %s px", size.getWidth()).isFalse();

            active().sendKeys(Keys.ESCAPE);
            assertThat(tip.isDisplayed()).as("Escape hides the tooltip").isFalse();
            assertThat(active().getAttribute("data-email")).as("and leaves focus on the chip").isEqualTo(MONA_ADDRESS);
            browser.script("arguments[0].blur();", chips.get(0));
        }
        browser.driver().manage().window().setSize(Browser.WIDE);
    }

    @Test
    void the_focus_ring_has_three_to_one_contrast_and_every_screen_has_its_own_title() {
        String id = ticket();
        browser.signInAs(HANA);
        browser.open("#/tickets/" + id);
        browser.find(By.cssSelector(".field-view[data-field='cc']"));
        assertThat(browser.driver().getTitle()).isEqualTo("#" + world.ticket(id, HANA).path("number").asText()
                + " Laptop for Emma · deskcc console");
        // keyboard focus (Tab from the last chip before it), so that :focus-visible applies
        browser.script("const chips = document.querySelectorAll(\".field-view[data-field='cc'] li.chip\");"
                + "chips[chips.length - 1].focus();");
        active().sendKeys(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Edit Secondary Contacts (CC)");
        String ring = (String) browser.script("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor;", active());
        assertThat(ring).startsWith("solid 3px");
        for (String background : List.of("rgb(255, 255, 255)", "rgb(245, 247, 250)", "rgb(238, 243, 251)")) {
            assertThat(contrast(ring.substring(ring.indexOf("rgb")), background))
                    .as("focus ring %s against %s", ring, background).isGreaterThanOrEqualTo(3.0);
        }

        List<String> titles = new java.util.ArrayList<>();
        for (String hash : List.of("#/tickets", "#/tickets/new", "#/tickets/" + id + "/restrictions", "#/developer")) {
            String before = browser.driver().getTitle();
            browser.open(hash);
            // the screen drawn for this route: a new title, and it is the screen's heading
            titles.add(browser.waitFor(d -> {
                String title = d.getTitle();
                String heading = d.findElement(By.cssSelector("main h1")).getText();
                return !title.equals(before) && title.equals(heading + " · deskcc console") ? title : null;
            }));
        }
        assertThat(titles).doesNotHaveDuplicates();
    }

    /** WCAG's contrast ratio of two "rgb(r, g, b)" colours. */
    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
