export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">
        <p>
          Données de départ : inventaire des besoins, enjeux et solutions de la Table de concertation sur le
          renforcement des capacités numériques des organismes communautaires (avril 2023).
        </p>
        <p className="mt-2">
          Une information est à corriger ? Écrivez aux membres de la Table qui tiennent le répertoire à jour.
        </p>
      </div>
    </footer>
  );
}
