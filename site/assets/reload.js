// Live reload for `mathbook serve`: long-polls the dev server, which answers with the site's build
// version when a rebuild finishes (or, after about 25 s, with the same version). A new version
// reloads the page; a network error retries after a second.
//
// Browsers keep at most six connections to one HTTP/1.1 server, so the open tabs do not each hold
// a long poll: the tab holding the "mathbook-reload" Web Lock polls for all of them and tells the
// others on a BroadcastChannel. When it closes or reloads, another tab takes the lock. Where Web
// Locks or BroadcastChannel are missing, every tab polls for itself.
(function () {
  "use strict";

  var version = document.documentElement.dataset.buildVersion;
  if (typeof version !== "string" || !/^https?:$/.test(window.location.protocol)) return;

  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("mathbook-reload") : null;

  function reloadIfNew(answer) {
    if (answer !== "" && answer !== version) {
      window.location.reload();
      return true;
    }
    return false;
  }

  if (channel) {
    channel.onmessage = function (event) { reloadIfNew(String(event.data || "")); };
  }

  // Polls until the server has another version, tells the other tabs, then reloads; `done` lets
  // the lock go.
  function poll(done) {
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
          if (channel) channel.postMessage(answer);
          done();
          reloadIfNew(answer);
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
  }

  if (channel && navigator.locks && typeof navigator.locks.request === "function") {
    navigator.locks.request("mathbook-reload", function () {
      return new Promise(function (resolve) { poll(resolve); });
    });
  } else {
    poll(function () {});
  }
})();
