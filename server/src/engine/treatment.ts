// What kind of treatment an item asks for, on the categories DWC and CWCI count decisions by
// (domain notes, "What people compute from batches of letters"), and for a drug its group.
// The ids are a public contract (JSON `category` and `drugGroup`, the table's columns),
// documented in README.md. The vocabulary comes from how the published letters name requests
// (brand and generic names, strengths, "#60", "Retrospective", "Associated surgical service:")
// and from public drug references (FDA labels and DailyMed list the brands and generics below);
// stems ("cyclobenz", "gabapent") catch the misspellings and suffixes letters write.

export type TreatmentCategory =
  | 'pharmaceuticals'
  | 'physical-medicine'
  | 'diagnostics'
  | 'injections'
  | 'surgery'
  | 'dme'
  | 'psychological'
  | 'evaluation-management'
  | 'home-health'
  | 'other';

export type DrugGroup =
  | 'opioids'
  | 'anticonvulsants'
  | 'muscle-relaxants'
  | 'nsaids'
  | 'antidepressants'
  | 'topicals'
  | 'compounds'
  | 'sleep'
  | 'gastro-protective'
  | 'other';

export interface TreatmentClass {
  category: TreatmentCategory;
  /** For pharmaceuticals, the drug's group; null for anything that is not a drug. */
  drugGroup: DrugGroup | null;
}

/** Longest item name read; a request name is a line or two. */
const MAX_NAME = 2000;

// Drug names by group: generic stems and brands. A name may sit in two groups' lists only when
// its form decides (diclofenac tablets are NSAIDs, diclofenac gel a topical): see drugGroupOf.
const DRUGS: ReadonlyArray<[DrugGroup, RegExp]> = [
  ['opioids', /\b(?:hydrocod\w*|norco|vicodin|lortab|xodol|hysingla|zohydro|oxycod\w*|oxycontin|percocet|roxicodone|xtampza|oxymorph\w*|opana|tramad\w*|ultram\w*|ultracet|conzip|synapryn|tapentadol|nucynta|morphine|ms\s?contin|kadian|hydromorph\w*|dilaudid|exalgo|fentanyl|duragesic|methadone|buprenorph\w*|butrans|belbuca|suboxone|codeine|tylenol\s*(?:#|no\.?\s*)?[34]|dihydrocodeine|trezix|levorphanol|meperidine|demerol|opioids?)\b/i],
  ['anticonvulsants', /\b(?:gabapent\w*|neurontin|gralise|horizant|fanatrex|pregabalin|lyrica|topiramate|topamax|carbamazepine|tegretol|oxcarbazepine|trileptal|lamotrigine|lamictal|levetiracetam|keppra|zonisamide|divalproex|depakote|valpro\w*)\b/i],
  ['muscle-relaxants', /\b(?:cyclobenz\w*|flexeril|flexiril|fexmid|amrix|tabradol|baclofen|lioresal|tizanidine|zanaflex|carisoprodol|soma|methocarbamol|robaxin|metaxalone|skelaxin|orphenadrine|norflex|chlorzoxazone|lorzone|parafon|dantrolene|muscle relaxants?)\b/i],
  ['nsaids', /\b(?:naprox\w*|anaprox|naprosyn|naprelan|ibuprof\w*|motrin|advil|celecox\w*|celebrex|meloxicam|mobic|diclofenac|voltaren|arthrotec|zorvolex|etodolac|lodine|nabumetone|relafen|ketorolac|toradol|indomethacin|indocin|piroxicam|feldene|oxaprozin|daypro|sulindac|fenoprofen|nalfon|ketoprofen|flurbiprofen|diflunisal|salsalate|duexis|vimovo|nsaids?)\b/i],
  ['antidepressants', /\b(?:amitriptyline|elavil|nortriptyline|pamelor|desipramine|duloxetine|cymbalta|venlafaxine|effexor|desvenlafaxine|pristiq|bupropion|wellbutrin|sertraline|zoloft|fluoxetine|prozac|paroxetine|paxil|citalopram|celexa|escitalopram|lexapro|mirtazapine|remeron|trazodone|desyrel|antidepressants?)\b/i],
  ['sleep', /\b(?:zolpidem|ambien|eszopiclone|lunesta|zaleplon|sonata|temazepam|restoril|ramelteon|rozerem|suvorexant|belsomra|silenor|dicopanol|diphenhydramine|melatonin|sleep aids?)\b/i],
  ['gastro-protective', /\b(?:omepraz\w*|prilosec|pantopra\w*|protonix|esomepraz\w*|nexium|lansopraz\w*|prevacid|rabepraz\w*|aciphex|dexlansopraz\w*|dexilant|famotidine|pepcid|ranitidine|zantac|deprizine|sucralfate|carafate|misoprostol|cytotec|proton pump inhibitors?|ppis?)\b/i],
  ['topicals', /\b(?:lidoderm|lidocaine|lidopro|anecream|xylocaine|flector|pennsaid|capsaicin|zostrix|salonpas|menthoderm|terocin|ketophene|cyclophene|biofreeze|bengay|methyl salicylate|menthol|camphor|dendracin|lidothol|theraflex|thermacare)\b/i],
  ['other', /\b(?:fioricet|butalbital|zofran|ondansetron|colace|docusate|senna|linzess|viagra|sildenafil|cialis|tadalafil|diazepam|valium|lorazepam|ativan|alprazolam|xanax|clonazepam|klonopin|acetaminophen|tylenol|prednisone|medrol|methylprednisolone|glucosamine|theramine|sentra|vitamin\s?[a-z0-9]*|docuprene|promethazine|phenergan|hydroxyzine|atarax|vistaril|metformin|lisinopril|amlodipine|atorvastatin|nuvigil|provigil|imitrex|sumatriptan|topical analgesics?)\b/i],
];

/** How a drug is given or dosed: "10mg", "5%", "#60", "tabs", "oral suspension", "cream". */
const DOSED = /\b\d+(?:\.\d+)?\s*(?:mg|mcg|mg\/ml|ml|g|gm|gms|grams?|%|percent|iu)\b|#\s*\d+|\b(?:tabs?|tablets?|caps?|capsules?|oral suspension|refills?|by mouth|orally|po|bid|tid|qd|prn)\b/i;
const TOPICAL_FORM = /\b(?:cream|gel|ointment|patch(?:es)?|lotion|transdermal|topical|rub|spray|pads?)\b/i;
const COMPOUND = /\bcompound(?:ed)?\b|\bcream base\b|\bin (?:a )?(?:cream|gel|lotion) base\b/i;

// Category vocabulary, tried in this order (the first that matches wins): a more specific kind
// of request before a broader word it may contain ("acupuncture with capsaicin patch" is
// acupuncture; "lidocaine injection" an injection; "surgeon evaluation" an evaluation).
const PSYCHOLOGICAL = /\bpsych\w*|\bcognitive behavio\w*|\bCBT\b|\bbiofeedback\b|\bcounsell?ing\b|\bmental health\b|\bhypnotherapy\b|\bpartial hospitali[sz]ation\b/i;
const HOME_HEALTH = /\bhome (?:health|aide|care|assistance|attendant|nursing)\b|\bnurs(?:e|es|ing)\b|\bRN\b|\bLVN\b|\bwound care\b|\bcaregiver\b|\battendant care\b|\bhousekeeping\b|\bhome help\b/i;
const INJECTIONS = /\binject\w*|\bepidural\b|\bESIs?\b|\bnerve blocks?\b|\bblocks?\b|\bplatelet[- ]rich plasma\b|\bPRP\b|\bfacet\b|\bneurolytic\b|\bneuroplasty\b|\bradiofrequency\b|\brhizotomy\b|\bablation\b|\bviscosupplement\w*|\bsynvisc\b|\bhyaluron\w*|\bcortisone shot\b|\btrigger points? injection\b|\bbotox\b|\bprolotherapy\b|\bmedial branch\b/i;
const DME_DEVICES = /\bTENS\b|\bEMS\/TENS\b|\binterferential (?:unit|stimulator)\b|\bH-wave\b|\bcryotherapy unit\b|\bcold (?:therapy|compression)\b|\bhot\/cold\b|\bice\/heat pads?\b|\bheat(?: therapy)? pad\b|\bvascutherm\b|\bgame ready\b/i;
const PHYSICAL_MEDICINE = /\bphysical therap\w*|\bPT(?!\/PTT)\b(?!\/INR)|\boccupational therap\w*|\bOT\b|\bhand therapy\b|\btherapeutic exercise\b|\bacupuncture\b|\bchiro\w*|\bmanipulation\b|\bmanual therapy\b|\bmassage\b|\bmyofascial\b|\binfrared\b|\belectrical (?:muscle )?stimulation\b|\be-?stim\b|\belectro ?acupuncture\b|\bshock ?wave\b|\bESWT\b|\bpulsed ultrasound\b|\bultrasound\b(?=[^,]+\b(?:times|sessions?|therapy|weeks?)\b)|\btraction\b|\bspinolator\b|\bneurostimulation therapy\b|\brehabilitation\b|\bwork (?:hardening|conditioning)\b|\bfunctional restoration\b|\baquatic\b|\bpool therapy\b|\bphysiotherapy\b|\bhome exercise\b|\bpilates\b|\bkinesio\b|\bstretching\b/i;
const DIAGNOSTICS = /\bMRI\b|\bMRA\b|\bMR arthrogram\b|\bmagnetic resonance\b|\bCT\b|\bCAT scan\b|\bcomputed tomography\b|\bx-?rays?\b|\bradiograph\w*|\bbone scan\b|\bscan\b|\bultrasound\b|\bsonogra\w*|\bEMG\b|\bNCS\b|\bNCV\b|\bnerve conduction\b|\belectromyogra\w*|\belectrodiagnostic\b|\bSSEP\b|\bEEG\b|\belectroencephalogram\b|\bEKG\b|\bECG\b|\belectrocardiogram\b|\bechocardiogra\w*|\burine\b|\burinalysis\b|\bUA\b|\bUDS\b|\blabs?\b|\blaboratory\b|\bCBC\b|\bBMP\b|\bCMP\b|\bPT\/PTT\b|\bPT\/INR\b|\bchem(?:istry)? panel\b|\bblood (?:test|work|draw)\b|\bdrug (?:screen|test)\w*|\btoxicology\b|\bsleep study\b|\bpolysomnogra\w*|\bfunctional capacity evaluation\b|\bFCE\b|\brange of motion\b|\bgrip (?:strength )?test\b|\bjamar\b|\bimaging\b|\bDEXA\b|\bdiscogra\w*|\bmyelogra\w*|\barthrogra\w*|\bgenetic test\w*|\bTPII\b|\baudiogra\w*|\bhearing test\b|\bdiagnostic\b|\bbiopsy\b|\bspirometry\b|\bpulmonary function\b|\bvideonystagmo\w*|\bcomputerized\b/i;
const EVALUATION = /\bconsult\w*|\bevaluat\w*|\beval\b|\bexam(?:ination)?s?\b|\bre-exam\b|\boffice visits?\b|\bfollow[- ]?up\b|\bvisits?\b|\bclearance\b|\breferral\b|\bspecialist\b|\bTOC\b|\btransfer of care\b|\bmedication management\b|\bsecond opinion\b|\bappointment\b/i;
/** An evaluation by a surgeon or specialist is an evaluation, though it names surgery. */
const EVALUATION_FIRST = /^(?:consult\w*|referral|TOC|transfer of care|second opinion)\b|\b(?:surgeon|surgery|surgical|specialist|ortho\w*)\s+(?:evaluation|eval|consult\w*|referral|re-?evaluation)\b/i;
const SURGERY = /\bsurg\w*|\barthroscop\w*|\barthroplast\w*|\brepair\b|\brelease\b|\bdecompression\b|\bfusion\b|\bdiscectomy\b|\blaminectomy\b|\blaminotomy\b|\bforaminotomy\b|\bmeniscectomy\b|\btenodesis\b|\bdebridement\b|\bacromioplasty\b|\breplacement\b|\bosteotomy\b|\bexcision\b|\bremoval\b|\breconstruction\b|\b\w+ectomy\b|\b\w+otomy\b|\b\w+plasty\b|\bassistant surgeon\b|\bPA assist\w*|\bassistant PA\b|\bco-surgeon\b|\banesthesia\b|\boperative\b|\bBankart\b|\bimplant\w*|\bspinal cord stimulator\b|\bSCS\b|\bcarpal tunnel release\b|\bORIF\b|\bhardware\b|\bMumford\b|\bSLAP\b|\blabral\b/i;
const DME = /\bbraces?\b|\bsupport\b|\bsplints?\b|\borthotics?\b|\borthos[ie]s\b|\binsoles?\b|\bcanes?\b|\bwalkers?\b|\bwheelchair\b|\bscooter\b|\bcommode\b|\bshower chair\b|\bhospital bed\b|\bbed\b|\bpillows?\b|\bmattress\b|\bslings?\b|\bultrasling\b|\bwraps?\b|\bpads?\b|\bgloves\b|\bwipes\b|\bhearing aids?\b|\bworkstation\b|\bchair\b|\bcushion\b|\bcollar\b|\bDME\b|\bdurable medical equipment\b|\bunit\b|\bstimulator\b|\bcrutch\w*|\bboot\b|\bbone growth stimulator\b|\bgrab bars?\b|\bramp\b|\bkit\b|\bcompression stockings?\b|\bshoes?\b/i;
const OTHER = /\btransportation\b|\bgym\b|\bweight loss\b|\bhouse ?keeping\b/i;

/** A request's category, and for a drug its group. Never throws; an empty name is "other". */
export function classifyTreatment(name: string): TreatmentClass {
  const text = normalise(name);
  if (PSYCHOLOGICAL.test(text)) return { category: 'psychological', drugGroup: null };
  if (HOME_HEALTH.test(text)) return { category: 'home-health', drugGroup: null };
  if (INJECTIONS.test(text)) return { category: 'injections', drugGroup: null };
  if (OTHER.test(text)) return { category: 'other', drugGroup: null };
  if (DME_DEVICES.test(text)) return { category: 'dme', drugGroup: null };
  if (PHYSICAL_MEDICINE.test(text)) return { category: 'physical-medicine', drugGroup: null };
  const drug = drugGroupOf(text);
  if (drug) return { category: 'pharmaceuticals', drugGroup: drug };
  if (DIAGNOSTICS.test(text)) return { category: 'diagnostics', drugGroup: null };
  if (EVALUATION_FIRST.test(text)) return { category: 'evaluation-management', drugGroup: null };
  if (SURGERY.test(text)) return { category: 'surgery', drugGroup: null };
  if (EVALUATION.test(text)) return { category: 'evaluation-management', drugGroup: null };
  if (DME.test(text)) return { category: 'dme', drugGroup: null };
  // A dosed name we do not know is still a drug ("Xyzol 10mg #30").
  if (DOSED.test(text) && /^[A-Z][A-Z-]{3,}\s+\d/i.test(text)) return { category: 'pharmaceuticals', drugGroup: 'other' };
  return { category: 'other', drugGroup: null };
}

/** Words a letter puts before the request that say nothing of its kind. */
function normalise(name: string): string {
  const s = name.length > MAX_NAME ? name.slice(0, MAX_NAME) : name;
  return s
    .replace(/\s+/g, ' ')
    .replace(/^(?:retrospective|retro|prospective|associated surgical services?:|post-?\s?op(?:erative)?|pre-?\s?op(?:erative)?(?: labs?:)?|labs? to include:|one|two|three|four|\d+)\s+/gi, '')
    .trim();
}

/**
 * The drug group of a name, or null when no drug is named. A compound (several active
 * ingredients in a cream base, or "compound") is `compounds`; a single drug in a topical form
 * (gel, patch, cream) is `topicals`; otherwise the drug's own group.
 */
function drugGroupOf(text: string): DrugGroup | null {
  const groups = DRUGS.filter(([, pattern]) => pattern.test(text)).map(([group]) => group);
  if (groups.length === 0) return null;
  const percentages = (text.match(/\d(?:\.\d+)?\s*%/g) ?? []).length;
  const ingredients = countIngredients(text);
  if (COMPOUND.test(text) || (ingredients >= 2 && (percentages >= 2 || TOPICAL_FORM.test(text)))) return 'compounds';
  if (groups.includes('topicals') || TOPICAL_FORM.test(text) || percentages > 0) return 'topicals';
  return groups[0];
}

/** Distinct drug names in a text (for compounds: "Flurbiprofen 20%, Baclofen 5%, ..."). */
function countIngredients(text: string): number {
  let n = 0;
  for (const pattern of DRUGS_GLOBAL) n += new Set((text.match(pattern) ?? []).map((m) => m.toLowerCase())).size;
  return n;
}

const DRUGS_GLOBAL = DRUGS.map(([, pattern]) => new RegExp(pattern.source, 'gi'));
