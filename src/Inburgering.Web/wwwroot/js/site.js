// Small enhancements on top of server-rendered pages; every form also works without them.
document.addEventListener("DOMContentLoaded", () => {
    // Buttons that open a native modal dialog; a dialog whose form was refused opens again by itself.
    for (const knop of document.querySelectorAll("[data-dialoog]")) {
        const dialoog = document.getElementById(knop.dataset.dialoog);
        knop.addEventListener("click", () => dialoog.showModal());
        dialoog.addEventListener("close", () => knop.focus());
    }
    for (const dialoog of document.querySelectorAll("dialog[data-open='true']")) {
        dialoog.showModal();
    }
});
