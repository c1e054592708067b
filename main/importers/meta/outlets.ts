// Outlets whose pages often do not name themselves (no og:site_name, no JSON-LD publisher): the host
// tells. Kept to large news organisations; a page's own site name always comes first.

const HOST_OUTLETS: Record<string, string> = {
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'theguardian.com': 'The Guardian',
  'bbc.co.uk': 'BBC',
  'bbc.com': 'BBC',
  'cnn.com': 'CNN',
  'reuters.com': 'Reuters',
  'apnews.com': 'AP',
  'afp.com': 'AFP',
  'bloomberg.com': 'Bloomberg',
  'ft.com': 'Financial Times',
  'economist.com': 'The Economist',
  'latimes.com': 'Los Angeles Times',
  'usatoday.com': 'USA Today',
  'npr.org': 'NPR',
  'aljazeera.com': 'Al Jazeera',
  'lemonde.fr': 'Le Monde',
  'lefigaro.fr': 'Le Figaro',
  'spiegel.de': 'Der Spiegel',
  'zeit.de': 'Die Zeit',
  'faz.net': 'Frankfurter Allgemeine Zeitung',
  'sueddeutsche.de': 'Süddeutsche Zeitung',
  'welt.de': 'Die Welt',
  'tagesschau.de': 'tagesschau.de',
  'elpais.com': 'El País',
  'corriere.it': 'Corriere della Sera',
  'repubblica.it': 'la Repubblica',
  'lastampa.it': 'La Stampa',
  'nzz.ch': 'Neue Zürcher Zeitung',
  'derstandard.at': 'Der Standard',
  'dw.com': 'Deutsche Welle',
  'japantimes.co.jp': 'The Japan Times',
  'scmp.com': 'South China Morning Post',
  'timesofindia.indiatimes.com': 'The Times of India',
  'cbc.ca': 'CBC News',
  'abc.net.au': 'ABC News',
  'politico.com': 'Politico',
  'politico.eu': 'Politico Europe',
  'theatlantic.com': 'The Atlantic',
  'newyorker.com': 'The New Yorker',
  'time.com': 'Time',
  'forbes.com': 'Forbes',
  'yna.co.kr': 'Yonhap',
  'xinhuanet.com': 'Xinhua',
  'tass.ru': 'TASS',
  'tass.com': 'TASS',
  'ria.ru': 'RIA Novosti',
  'interfax.ru': 'Interfax',
};

/** The outlet behind a host ("www.nytimes.com" -> "The New York Times"), also for its subdomains. */
export function outletForHost(host: string | null | undefined): string | null {
  if (!host) return null;
  let h = host.toLowerCase().replace(/^www\d?\./, '');
  while (h.includes('.')) {
    if (HOST_OUTLETS[h]) return HOST_OUTLETS[h];
    h = h.slice(h.indexOf('.') + 1);
  }
  return null;
}
