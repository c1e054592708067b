// Word lists for entity typing: places, organisation head words, titles and demonyms. Lower-cased.

const COUNTRIES =
  'afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina faso burundi cambodia cameroon canada chad chile china colombia comoros congo costa rica croatia cuba cyprus czechia czech republic denmark djibouti dominica dominican republic ecuador egypt el salvador eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy ivory coast jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands new zealand nicaragua niger nigeria north korea north macedonia norway oman pakistan palau palestine panama papua new guinea paraguay peru philippines poland portugal qatar romania russia rwanda samoa san marino saudi arabia senegal serbia seychelles sierra leone singapore slovakia slovenia somalia south africa south korea south sudan spain sri lanka sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda ukraine united arab emirates uae united kingdom uk britain great britain england scotland wales united states us usa america uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe gaza west bank crimea donbas kursk hong kong tibet greenland puerto rico';
const CITIES_AND_REGIONS =
  'kabul tirana algiers buenos aires yerevan canberra sydney melbourne vienna baku dhaka minsk brussels brasilia sofia ottawa toronto montreal beijing shanghai bogota havana nicosia prague copenhagen cairo tallinn addis ababa helsinki paris berlin munich frankfurt accra athens budapest reykjavik new delhi delhi mumbai jakarta tehran baghdad dublin jerusalem tel aviv rome milan tokyo osaka amman astana nairobi pristina riga beirut tripoli vilnius kuala lumpur mexico city rabat kathmandu amsterdam the hague wellington abuja lagos pyongyang oslo islamabad karachi lahore manila warsaw lisbon doha bucharest moscow st petersburg riyadh dakar belgrade bratislava ljubljana mogadishu pretoria johannesburg cape town seoul busan madrid barcelona colombo khartoum stockholm bern geneva zurich damascus taipei bangkok tunis ankara istanbul kyiv kiev kharkiv odesa lviv mariupol abu dhabi dubai london manchester washington new york los angeles chicago houston san francisco boston miami caracas hanoi sanaa harare lusaka europe asia africa north america south america latin america middle east far east east asia southeast asia central asia balkans caucasus arctic antarctica pacific atlantic indian ocean mediterranean black sea baltic korean peninsula sahel scandinavia siberia vladivostok gulf persian gulf california texas florida';

export const PLACES = new Set([...phrases(COUNTRIES), ...phrases(CITIES_AND_REGIONS)]);

// Multi-word names in the lists above, so "north korea" is not split into "north" + "korea".
function phrases(list: string): string[] {
  const multi = [
    'burkina faso',
    'costa rica',
    'czech republic',
    'dominican republic',
    'el salvador',
    'ivory coast',
    'new zealand',
    'north korea',
    'north macedonia',
    'papua new guinea',
    'san marino',
    'saudi arabia',
    'sierra leone',
    'south africa',
    'south korea',
    'south sudan',
    'sri lanka',
    'united arab emirates',
    'united kingdom',
    'great britain',
    'united states',
    'west bank',
    'hong kong',
    'puerto rico',
    'buenos aires',
    'addis ababa',
    'new delhi',
    'tel aviv',
    'kuala lumpur',
    'mexico city',
    'the hague',
    'st petersburg',
    'cape town',
    'abu dhabi',
    'new york',
    'los angeles',
    'san francisco',
    'north america',
    'south america',
    'latin america',
    'middle east',
    'far east',
    'east asia',
    'southeast asia',
    'central asia',
    'indian ocean',
    'black sea',
    'korean peninsula',
    'persian gulf',
  ];
  let rest = ` ${list} `;
  const found: string[] = [];
  for (const m of multi) {
    if (rest.includes(` ${m} `)) {
      found.push(m);
      rest = rest.replace(` ${m} `, ' ');
    }
  }
  return [...found, ...rest.split(' ').filter(Boolean)];
}

/** Last words that make a capitalised phrase an organisation. */
export const ORG_HEADS = new Set(
  'ministry agency council nations army navy force forces party bank court institution parliament congress senate assembly commission union organisation organization association institute university college company corporation corp inc ltd group department office service services police committee government administration cabinet fund foundation federation alliance league times post news press tribune journal herald guardian telegraph network broadcasting television radio reuters bureau authority board centre center church coalition command guard guards corps club society kcna nato opec who imf cia fbi nsa kgb fsb pentagon kremlin whitehouse'.split(
    ' ',
  ),
);

/** Well-known organisations that the capitalisation rules alone would not type. */
export const KNOWN_ORGS = new Set([
  ...'afp ap reuters kcna yonhap xinhua tass dpa bbc cnn nato un eu imf who wto opec kremlin pentagon hamas hezbollah taliban google apple microsoft meta amazon tesla'.split(
    ' ',
  ),
  'ria novosti',
  'white house',
  'united nations',
  'european union',
  'world bank',
  'red cross',
  'islamic state',
  'getty images',
]);

/** Titles and roles that precede a person's name ("Ukrainian President Volodymyr Zelensky"). */
export const PERSON_TITLES = new Set(
  'president president-elect vice-president vice prime minister foreign defence defense finance deputy secretary chancellor king queen prince princess leader chairman chairwoman chair spokesman spokeswoman spokesperson ambassador general gen admiral colonel col lieutenant captain sergeant governor gov senator sen representative rep mayor judge justice pope ayatollah sheikh emir sultan director chief ceo commissioner envoy official mr mrs ms dr prof professor sir lord lady dame rev coach analyst researcher economist minister speaker premier commander marshal health interior justice trade economy economic education energy environment labour labor agriculture transport home culture police army'.split(
    ' ',
  ),
);

/** Nationality adjectives: a phrase made of these alone ("North Korean") is not an entity. */
export const DEMONYMS = new Set(
  'american british english french german russian ukrainian chinese japanese korean north south indian pakistani iranian iraqi israeli palestinian syrian turkish egyptian saudi european african asian arab polish italian spanish canadian australian mexican brazilian belarusian georgian kazakh afghan western eastern soviet roman islamist muslim christian jewish catholic protestant sunni shia shiite arab latino hispanic asian african-american'.split(
    ' ',
  ),
);

/** Capitalised words that open sentences or headlines without naming anything. */
export const NOT_NAMES = new Set(
  'the a an in on at for and but or if when while as after before since until although though however meanwhile moreover also yet so this that these those there here it its he she they we i you his her their our my your were was is are be been being has have had do does did will would could should may might must can what which who whom whose why how where domestic according last next new first second third many some most several other others such each every both no not all any one two three four five six seven eight nine ten monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow photo picture image file handout by updated published read more'.split(
    ' ',
  ),
);

/** Names that are one entity however the article writes them ("U.S.", "US", "America"). Keys as nameKey gives them. */
export const ALIASES = new Map<string, { name: string; type: 'place' | 'organisation' }>(
  (
    [
      ['United States', 'place', 'us', 'usa', 'united states', 'united states of america', 'america'],
      ['United Kingdom', 'place', 'uk', 'united kingdom', 'great britain'],
      ['European Union', 'organisation', 'eu', 'european union'],
      ['United Nations', 'organisation', 'un', 'united nations'],
      ['Agence France-Presse', 'organisation', 'afp', 'agence france-presse', 'agence france presse'],
      ['Associated Press', 'organisation', 'ap', 'associated press'],
      ['Islamic State', 'organisation', 'islamic state', 'islamic state group', 'isis', 'isil'],
      ['al-Qaeda', 'organisation', 'al-qaeda', 'al qaeda', 'al-qaida', 'al qaida'],
      ['Russia', 'place', 'russia', 'russian federation'],
    ] as const
  ).flatMap(([name, type, ...keys]) => keys.map((k) => [k, { name, type }] as const)),
);

/** Words the tagger does not know or types wrongly, fed to it as its own lexicon. */
export const TAGGER_WORDS: Record<string, string> = {
  'white house': 'Organization',
  'islamic state': 'Organization',
  kremlin: 'Organization',
  pentagon: 'Organization',
  kcna: 'Organization',
  yonhap: 'Organization',
  xinhua: 'Organization',
  reuters: 'Organization',
  hamas: 'Organization',
  hezbollah: 'Organization',
  taliban: 'Organization',
  'getty images': 'Organization',
};
