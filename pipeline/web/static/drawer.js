(function () {
  var main = document.getElementById("main"), open = document.getElementById("drawer-open"), close = document.getElementById("drawer-close");
  if (!open || !close) return;
  main.classList.add("js");
  function set(on) { main.classList.toggle("drawer", on); open.setAttribute("aria-expanded", on ? "true" : "false"); (on ? close : open).focus(); }
  document.querySelectorAll(".drawer-open").forEach(function (b) { b.addEventListener("click", function () { set(true); }); });
  close.addEventListener("click", function () { set(false); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && main.classList.contains("drawer")) set(false); });
})();
