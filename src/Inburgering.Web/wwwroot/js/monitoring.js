// Draws the dashboard's charts from the JSON the page carries; the tables beside them hold the same numbers and links.
document.addEventListener("DOMContentLoaded", () => {
    const bron = document.getElementById("grafiek-data");
    if (!bron || typeof Chart === "undefined") {
        return;
    }

    const d = JSON.parse(bron.textContent);
    const kleuren = ["#1f4e79", "#006d2c", "#7a4b00", "#8b0000", "#454545"];
    const labels = Array.from(document.querySelectorAll("#trechter th")).map((th) => th.textContent.trim());
    Chart.defaults.animation = false;

    new Chart(document.getElementById("grafiek-trechter"), {
        type: "bar",
        data: { labels, datasets: [{ label: "Aantal", data: d.trechter, backgroundColor: kleuren[0] }] },
        options: {
            indexAxis: "y",
            plugins: { legend: { display: false } },
            onClick: (_, elementen) => {
                if (elementen.length > 0) {
                    window.location.href = `/monitoring/dossiers?${d.periode}&kengetal=${d.trechterKengetallen[elementen[0].index]}`;
                }
            },
        },
    });

    new Chart(document.getElementById("grafiek-maanden"), {
        type: "line",
        data: {
            labels: d.maanden,
            datasets: [
                { label: "KMG in het azc (%)", data: d.kmgInAzc, borderColor: kleuren[0], backgroundColor: kleuren[0] },
                { label: "Scenario 1 of 2 (%)", data: d.scenario1of2, borderColor: kleuren[1], backgroundColor: kleuren[1] },
                { label: "Brede intake in het azc (%)", data: d.bredeIntakeInAzc, borderColor: kleuren[2], backgroundColor: kleuren[2] },
            ],
        },
        options: { scales: { y: { min: 0, max: 100 } } },
    });

    new Chart(document.getElementById("grafiek-redenen"), {
        type: "bar",
        data: { labels: d.redenen, datasets: [{ label: "Aantal", data: d.redenAantallen, backgroundColor: kleuren[2] }] },
        options: { plugins: { legend: { display: false } } },
    });

    new Chart(document.getElementById("grafiek-huisvesting"), {
        type: "bar",
        data: {
            labels: ["Mediaan", "Gemiddeld", "Wachtend (gemiddeld)", "Norm"],
            datasets: [{ label: "Dagen", data: [...d.huisvesting, d.norm], backgroundColor: [kleuren[0], kleuren[0], kleuren[3], kleuren[4]] }],
        },
        options: { plugins: { legend: { display: false } } },
    });
});
