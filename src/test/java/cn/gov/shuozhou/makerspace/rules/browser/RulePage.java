package cn.gov.shuozhou.makerspace.rules.browser;

import cn.gov.shuozhou.makerspace.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The rule page (/rules/) as a rule administrator uses it. */
final class RulePage {

  private RulePage() {}

  /** Signs in on the page's login form as {@code user} (password = user id) and opens rule {@code key}. */
  static void signInAndOpen(Browser browser, String user, String key, String name) {
    WebElement login = browser.visible(By.id("login-username"));
    login.clear(); // the form keeps the previous user's name
    login.sendKeys(user);
    browser.driver().findElement(By.id("login-password")).sendKeys(user);
    browser.click(By.id("login-submit"));
    browser.withText(By.id("user-name"), user);
    browser.click(By.cssSelector("#decision-list tr[data-key='" + key + "']"));
    browser.withText(By.id("detail-name"), name);
  }

  /** Replaces the text of a dmn-js cell as a person does: click, select all, type. */
  static void replaceCell(Browser browser, By cell, String text) {
    WebElement td = browser.present(cell);
    browser.scrollIntoView(td);
    WebElement editable = td.findElement(By.cssSelector("[contenteditable='true']"));
    editable.click();
    editable.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    editable.sendKeys(text);
    browser.await().until(driver -> td.getText().strip().equals(text));
  }
}
