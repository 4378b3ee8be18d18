// The query page of `kg serve`: YASGUI pointed at this server's endpoint, with nothing that
// reaches another host (no endpoint catalogue, no remote autocompletion).
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("kg-config").textContent);
  const endpoint = new URL(config.endpoint, window.location.href).href;
  document.getElementById("kg-endpoint").textContent = endpoint;
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    populateFromUrl: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { value: config.query, autocompleters: ["variables"] },
  });
  const tab = yasgui.getTab();
  tab.setEndpoint(endpoint);
  tab.setQuery(config.query);
  window.kgYasgui = yasgui;
})();
