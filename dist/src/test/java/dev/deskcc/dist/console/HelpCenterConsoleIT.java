package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The help center, through the second seed's story: a customer keeps their manager in the loop. */
class HelpCenterConsoleIT extends ConsoleTest {

    @Test
    void a_customer_copies_their_manager_who_then_follows_and_answers_the_request() {
        world.enable("hr", Map.of("endUsersCanAdd", true));
        browser.signInAs(EMMA);
        browser.open("#/help/new");
        new Select(browser.labelled("Department")).selectByVisibleText("HR Onboarding");
        browser.fill("Subject", "Laptop approval");
        browser.fill("Description", "I need a laptop with the HR tools.");
        browser.fill("Secondary Contacts (CC)", "Mona Manager <mona@example.com>");
        browser.screenshots("help-submit");
        browser.button("Submit request");
        browser.find(By.xpath("//h1[contains(., 'Laptop approval')]"));
        String url = browser.driver().getCurrentUrl();
        String id = url.substring(url.lastIndexOf('/') + 1);

        browser.signInAs(MONA);
        WebElement row = browser.find(By.cssSelector("li.card[data-ticket='" + id + "']"));
        assertThat(row.getAttribute("data-role")).isEqualTo("CC");
        assertThat(row.findElement(By.cssSelector(".badge.role")).getText()).isEqualTo("CC");
        browser.screenshots("help-my-requests");
        row.findElement(By.tagName("a")).click();
        browser.fill("Reply", "Approved.");
        browser.button("Send reply");
        browser.waitForText("Approved.");
        browser.fill("Comment", "Please order the 14 inch model.");
        browser.button("Add comment");
        browser.waitForText("Please order the 14 inch model.");

        // rating waits for the ticket to close in this department: the API's refusal shows inline
        browser.button("Send rating");
        browser.find(By.cssSelector(".problem[data-code='RATING_NOT_OPEN']"));
        browser.screenshots("help-ticket");
        assertThat(world.ticket(id, EMMA).path("thread").toString()).contains("Approved.");

        // a request Mona may not see is a plain "not found"
        browser.open("#/help/" + world.id("laptop"));
        browser.find(By.xpath("//h1[normalize-space(.)='Not found']"));
        assertThat(browser.text()).doesNotContain("Laptop for Emma");
    }
}
