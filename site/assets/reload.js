// Live reload for `mathbook serve`: long-polls the dev server, which answers with the site's build
// version when a rebuild finishes (or, after about 25 s, with the same version). A new version
// reloads the page; a network error retries after a second.
(function () {
  "use strict";

  var version = document.documentElement.dataset.buildVersion;
  if (typeof version !== "string" || !/^https?:$/.test(window.location.protocol)) return;

  function retry() {
    window.setTimeout(wait, 1000);
  }

  function wait() {
    var request = new XMLHttpRequest();
    request.open("GET", "/__mathbook/wait?version=" + encodeURIComponent(version), true);
    request.timeout = 60000;
    request.onload = function () {
      if (request.status !== 200) { retry(); return; }
      var answer = String(request.responseText || "").trim();
      if (answer !== "" && answer !== version) {
        window.location.reload();
      } else {
        wait();
      }
    };
    request.onerror = retry;
    request.ontimeout = retry;
    request.onabort = retry;
    request.send();
  }

  wait();
})();
