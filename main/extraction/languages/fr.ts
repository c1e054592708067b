// French: « … » (with thin or normal spaces inside), “ … ”, inversion after the quote ("a déclaré X",
// "a-t-il ajouté", "estime-t-elle"), "selon X" / "d'après X", M. / Mme before names.
import type { LanguageProfile } from './profile';

const PARTICIPLES = [
  'déclaré', 'affirmé', 'estimé', 'assuré', 'souligné', 'expliqué', 'indiqué', 'ajouté', 'dit', 'annoncé',
  'précisé', 'insisté', 'martelé', 'rappelé', 'confié', 'déploré', 'dénoncé', 'prévenu', 'averti', 'reconnu',
  'admis', 'jugé', 'répondu', 'répété', 'lancé', 'poursuivi', 'fait valoir', 'fait savoir', 'confirmé',
  'démenti', 'nié', 'promis', 'assuré', 'regretté', 'observé', 'noté', 'relevé', 'commenté', 'écrit',
  'tweeté', 'raconté', 'résumé', 'avancé', 'soutenu', 'prévenu', 'mis en garde', 'accusé', 'critiqué',
  'déclarée', 'affirmée', 'estimée', 'dite', 'confiée',
];

const PRESENT = [
  'déclare', 'affirme', 'estime', 'assure', 'souligne', 'explique', 'indique', 'ajoute', 'dit', 'annonce',
  'précise', 'insiste', 'martèle', 'rappelle', 'confie', 'déplore', 'dénonce', 'prévient', 'avertit',
  'reconnaît', 'reconnait', 'admet', 'juge', 'répond', 'répète', 'lance', 'poursuit', 'fait valoir',
  'fait savoir', 'confirme', 'dément', 'nie', 'promet', 'regrette', 'observe', 'note', 'relève', 'commente',
  'écrit', 'raconte', 'résume', 'avance', 'soutient', 'met en garde', 'accuse', 'critique', 'tweete',
  'déclarent', 'affirment', 'estiment', 'assurent', 'soulignent', 'expliquent', 'indiquent', 'ajoutent',
  'disent', 'annoncent', 'précisent', 'insistent', 'dénoncent', 'reconnaissent', 'jugent', 'répondent',
  'confirment', 'démentent', 'nient', 'promettent', 'regrettent',
];

const SIMPLE_PAST = [
  'déclara', 'affirma', 'estima', 'assura', 'souligna', 'expliqua', 'indiqua', 'ajouta', 'dit', 'annonça',
  'précisa', 'insista', 'répondit', 'lança', 'poursuivit', 'confirma', 'reconnut',
];

export const fr: LanguageProfile = {
  code: 'fr',
  name: 'French',
  quotes: [
    ['«', '»'],
    ['“', '”'],
    ['‹', '›'],
  ],
  dashDialogue: true,
  verbs: [...PRESENT, ...SIMPLE_PAST],
  participles: PARTICIPLES,
  auxiliaries: ['a', 'ont', 'avait', 'avaient', 'aurait', 'auraient', 'aura', 'est', 'était'],
  afterQuoteOnly: [],
  complementizers: ['que', "qu'", 'qu’'],
  accordingBefore: ['selon', "d'après", 'd’après', 'aux yeux de', 'de l’avis de', "de l'avis de"],
  accordingAfter: [],
  honorifics: ['M.', 'Mme', 'Mme.', 'Mlle', 'MM.', 'Me', 'Dr', 'Dr.', 'Pr', 'Pr.', 'Mgr', 'monsieur', 'madame'],
  pronouns: { masculine: ['il', 'lui'], feminine: ['elle'], plural: ['ils', 'elles', 'eux'] },
  roleNouns: [
    'ministre', 'président', 'présidente', 'premier ministre', 'première ministre', 'porte-parole', 'maire',
    'député', 'députée', 'sénateur', 'sénatrice', 'secrétaire', 'secrétaire général', 'secrétaire générale',
    'directeur', 'directrice', 'chef', 'cheffe', 'responsable', 'procureur', 'procureure', 'avocat', 'avocate',
    'ambassadeur', 'ambassadrice', 'gouverneur', 'entraîneur', 'sélectionneur', 'économiste', 'expert', 'experte',
    'chercheur', 'chercheuse', 'analyste', 'dirigeant', 'dirigeante', 'patron', 'patronne', 'syndicaliste',
    'commissaire', 'conseiller', 'conseillère', 'élu', 'élue', 'candidat', 'candidate', 'chancelier',
    'chancelière', 'préfet', 'préfète', 'juge', 'médecin', 'professeur', 'professeure', 'spécialiste',
    'fondateur', 'fondatrice', 'PDG', 'gouvernement', 'ministère', 'entourage',
  ],
  feminine: [
    'Mme', 'Mme.', 'Mlle', 'madame', 'elle', 'la', 'présidente', 'première ministre', 'députée', 'sénatrice',
    'secrétaire générale', 'directrice', 'cheffe', 'procureure', 'avocate', 'ambassadrice', 'experte',
    'chercheuse', 'dirigeante', 'patronne', 'conseillère', 'élue', 'candidate', 'chancelière', 'préfète',
    'professeure', 'fondatrice', 'déclarée', 'affirmée', 'estimée', 'dite',
  ],
  determiners: ['le', 'la', "l'", 'l’', 'les', 'un', 'une', 'des', 'son', 'sa', 'ses', 'leur', 'ce', 'cette'],
  functionWords: [
    'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'et', 'ou',
    'mais', 'donc', 'or', 'ni', 'car', 'si', 'selon', 'pour', 'par', 'dans', 'en', 'sur', 'sous', 'avec', 'sans',
    'après', 'avant', 'depuis', 'pendant', 'lors', 'il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'je',
    'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes', 'cela', 'ceci',
    'ça', 'c', 'qui', 'que', 'quand', 'comme', 'alors', 'ainsi', 'aussi', 'encore', 'enfin', 'pourtant',
    'cependant', 'toutefois', 'néanmoins', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi',
    'dimanche', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
    'novembre', 'décembre', 'interrogé', 'interrogée', 'face', 'à', 'a', 'y', 'tout', 'tous', 'toute', 'toutes',
    'plusieurs', 'certains', 'certaines', 'd', 'quelque', 'chaque', 'oui', 'non', 'ici', 'là',
  ],
  nameParticles: ['de', 'du', 'des', 'd’', "d'", 'la', 'le', 'van', 'von', 'di', 'da', 'del', 'ben', 'bin'],
  organisationWords: [
    'ministère', 'gouvernement', 'parti', 'assemblée', 'sénat', 'conseil', 'commission', 'banque', 'agence',
    'institut', 'fédération', 'union', 'syndicat', 'association', 'université', 'tribunal', 'cour', 'police',
    'gendarmerie', 'armée', 'mairie', 'préfecture', 'élysée', 'matignon', 'insee', 'onu', 'otan', 'sncf',
    'fondation', 'observatoire', 'haut', 'conseil', 'groupe', 'société', 'compagnie', 'front', 'rassemblement',
    'mouvement', 'renaissance', 'république',
  ],
};
