// Signs in as the Development demo users and photographs the main pages: node shoot.mjs <base-url> <output-dir>
import { chromium } from "playwright-core";
import { mkdir } from "node:fs/promises";

const [base = "http://localhost:5080", uit = "docs/screenshots"] = process.argv.slice(2);
const wachtwoord = "Demo-wachtwoord-2026";
await mkdir(uit, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });

async function als(email, stappen) {
    const context = await browser.newContext({ baseURL: base, locale: "nl-NL", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto("/account/inloggen");
    await page.fill("#email", email);
    await page.fill("#wachtwoord", wachtwoord);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/account/inloggen")), page.press("#wachtwoord", "Enter")]);
    await stappen(page);
    await context.close();
}

async function foto(page, naam, opties = {}) {
    await page.screenshot({ path: `${uit}/${naam}.png`, fullPage: opties.heel ?? false });
    console.log(`${uit}/${naam}.png`);
}

const inloggen = await browser.newPage({ viewport: { width: 1280, height: 700 } });
await inloggen.goto(`${base}/account/inloggen`);
await foto(inloggen, "01-inloggen");
await inloggen.close();

await als("kr.almelo@demo.inburgering.nl", async (page) => {
    await page.goto("/werkvoorraad?wie=team");
    await foto(page, "02-werkvoorraad");
    await page.goto("/werkvoorraad?wie=team&q=Khatib");
    await page.click("#werkvoorraad tbody a");
    await page.waitForURL(/\/dossiers\//);
    await foto(page, "03-dossier-signalen");
    await page.goto("/werkvoorraad?wie=team&q=Ahmadi");
    await page.click("#werkvoorraad tbody a");
    await page.waitForURL(/\/dossiers\//);
    await page.locator("#klokken").scrollIntoViewIfNeeded();
    await foto(page, "04-dossier-termijn", { heel: true });
    await page.selectOption("#sjabloon", "pip-beschikking");
    await Promise.all([page.waitForURL(/#brieven$/), page.click("#brief-maken button[type=submit]")]);
    await page.locator("#brieven").scrollIntoViewIfNeeded();
    await foto(page, "11-dossier-brieven");
});

await als("cm.twente@demo.inburgering.nl", async (page) => {
    await page.goto("/coa/bewoners");
    await foto(page, "05-coa-mijn-bewoners");
    await page.click("#bewoners tbody tr:first-child a");
    await page.waitForURL(/\/coa\/bewoners\//);
    await foto(page, "06-coa-overdracht");
});

await als("tl.almelo@demo.inburgering.nl", async (page) => {
    await page.goto("/team");
    await foto(page, "07-team");
    await page.goto("/monitoring");
    await page.waitForFunction(() => typeof Chart !== "undefined" && Chart.getChart("grafiek-huisvesting") !== undefined);
    await foto(page, "10-monitoring", { heel: true });
});

await als("fb.almelo@demo.inburgering.nl", async (page) => {
    await page.goto("/beheer/beleid");
    await foto(page, "08-normen");
    await page.goto("/beheer/sjablonen/pip-beschikking");
    await Promise.all([page.waitForNavigation(), page.click("#voorbeeld-knop")]);
    await page.locator("#voorbeeld").scrollIntoViewIfNeeded();
    await foto(page, "12-sjabloon-voorbeeld");
});

await als("beheer@demo.inburgering.nl", async (page) => {
    await page.goto("/beheer/organisaties");
    await foto(page, "09-organisaties");
});

await browser.close();
