/**
 * Compact word lists for person-name detection (about 9 kB): common given names across languages, common surnames,
 * and the capitalised words of marketing UI that are never names. Given names that are also ordinary words ("Will",
 * "May", "Grace") count only next to a surname or a name cue.
 */

const GIVEN = `
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry
gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie
alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis liam oliver lucas owen leo
theo hugo oscar harry charlie alfie freddie archie arlo finn rory callum connor declan cian niall eoin conor seamus
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice
judy sophia denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla
alexis lori jane ava mia amelia harper ella chloe zoe lily ellie nora hazel aurora violet layla riley stella
lucy isla freya poppy ivy evie sienna imogen niamh aoife siobhan saoirse maeve orla ciara sinead roisin
mohammed muhammad mohamed ahmed ahmad ali omar hassan hussein youssef yusuf ibrahim khalid mustafa abdullah karim
tariq bilal hamza ayesha aisha fatima fatma zainab khadija mariam maryam leila layla yasmin nour noor amira salma
hana rania farah samira zahra mehmet mustafa emre burak cem elif zeynep ayse merve deniz ozan kerem selin
priya raj rahul amit anil sunil vijay sanjay arjun rohan aditya vikram arun suresh ramesh rajesh deepak manoj
ananya divya pooja neha kavya shreya anjali sneha aarav vivaan ishaan sai krishna lakshmi meera sita radha gita
wei li ming hui jing yan xin yu hao jun lei fang ying xiao chen lin hong mei ling jie tao qiang zhen
hiroshi takashi kenji yuki haruto sota yuto ren kaito hana yui aoi sakura yuna akira kenta daiki taro hanako
naoko keiko yoko tomoko satoshi shinji minjun seojun jiho minseo jiwoo seoyeon jisoo hyun jinwoo soyeon eunji
nguyen minh anh linh tuan thanh huong lan duc quang
olu oluwaseun tunde ngozi chinedu chioma emeka adaeze kwame kofi ama abena akosua yaw kojo amara nia zuri imani
baraka juma wanjiru kamau otieno achieng thabo sipho nomvula lerato thandiwe bongani
jose juan carlos luis miguel javier francisco antonio manuel pedro alejandro diego pablo sergio jorge fernando
ricardo eduardo rafael andres mateo santiago sebastian nicolas martin gonzalo alvaro ignacio raul ruben
lucia sofia valentina camila isabel carmen pilar rosa elena paula marta laura ana beatriz ines cristina
mercedes dolores consuelo alba nerea irene claudia daniela gabriela mariana fernanda ximena guadalupe
joao pedro tiago goncalo rui nuno miguel afonso duarte thiago gustavo felipe bruno rodrigo leonardo matheus
beatriz mariana leonor matilde joana catarina raquel vitoria larissa leticia bianca fernanda juliana
jean pierre michel philippe alain nicolas francois laurent stephane christophe sebastien julien antoine
mathieu guillaume olivier thierry pascal didier yves benoit maxime romain clement baptiste arnaud
marie nathalie isabelle sylvie catherine francoise valerie sandrine celine aurelie camille chloe manon
juliette margaux oceane elodie amelie sophie brigitte monique veronique helene genevieve josephine
hans peter klaus jurgen wolfgang dieter uwe stefan andreas thomas michael markus matthias tobias florian
lukas jonas leon felix maximilian moritz niklas julian fabian sebastian jan tim lars sven jens dirk
ursula ingrid renate gisela monika petra sabine claudia birgit anja katrin nicole kerstin heike silke
lena leonie hannah lea johanna katharina franziska lisa laura julia sarah jana greta frieda mila
giuseppe giovanni francesco alessandro lorenzo matteo andrea marco luca stefano roberto paolo davide
simone federico riccardo gianluca massimo fabio enrico emanuele vincenzo salvatore alessio
giulia francesca chiara alessia martina federica valentina elisa silvia sara giorgia aurora beatrice
jan pieter pim bram daan sem thijs ruben joost maarten bas koen wouter sanne fleur lotte femke anouk
eva noor tess saskia ingrid astrid sigrid erik lars nils anders henrik magnus bjorn olaf sven
kari ingeborg solveig linnea elsa maja ebba agnes tuva frida siri malin
piotr pawel tomasz krzysztof andrzej marcin michal jakub kamil lukasz katarzyna agnieszka malgorzata
anna magdalena joanna ewa zofia aleksandra natalia dmitri dmitry ivan sergei sergey alexei vladimir
nikolai mikhail andrei olga tatiana natasha svetlana irina ekaterina anastasia yulia oksana
avi yosef moshe david noa tamar yael shira eitan ariel
kai jonah ezra levi asher silas jasper felix miles rowan ellis reid
sam alex chris pat jamie taylor morgan casey jordan quinn avery drew
ravi rajiv sanjeev ashok prakash naveen kiran mahesh ganesh dinesh harish girish nikhil siddharth varun karan
abhishek akash gaurav pranav tanvi riya isha nisha swati shalini padma usha kamala savitri preeti
yusuf idris kareem nabil rashid samir walid ziad jamal hamid faisal tarek amr hoda dina mona reem lina
rana huda noura ghada hiba ines youssra soufiane mehdi rachid nadia karima latifa
chukwuemeka ifeoma obinna nkechi adebayo folake bukola temitope ayodele funmilayo babajide segun kehinde
taiwo oluwadamilare damilola kofi esi kwesi efua fiifi mamadou fatou aminata ousmane moussa ibrahima
tendai tatenda farai rudo chipo tinashe themba zanele lindiwe sibusiso mandla
bjorn bjoern goran stig leif arne knut ole per jorgen rasmus mikkel mads emil oskar axel hugo ludvig
astrid liv ida alma wilma elin ylva hedda thea nora maja
mateusz szymon wojciech bartosz dawid filip kacper oliwia zuzanna julia wiktoria maja
andrei mihai ionut alexandru bogdan cristian florin ioana elena andreea alina mihaela
dimitris giorgos nikos kostas yannis eleni maria katerina sofia georgia despina
tamas laszlo zoltan gabor istvan eszter katalin zsofia
hyun-woo min-ho ji-hoon seo-yeon ha-eun su-bin do-yoon ye-jin
haruki ryota takumi shota yusuke kazuki misaki ayaka mei riko sakura nanami
thi quoc bao hoa mai phuong trang ngoc
wen bo yi hong jian ping qing xiu zhi
santiago valentina thiago joaquin emiliano agustina renata antonella martina isidora
maximiliano benjamin tomas facundo lautaro franco bautista
chloe mila lina luna nina lola emma lea louise ambre rose jade alice
arnav ayaan reyansh vihaan kabir advik aadhya saanvi anika diya myra
`;

/** Given names that are also common words or UI words: only count next to a surname or a cue. */
const AMBIGUOUS = `
will may june mark grace rose april august bill art max hope faith joy sky summer autumn dawn ray jack frank
drew chase gene page hunter mason major miles rich victor faith pat sam kai rowan ellis reid jean lane dean
rich sterling guy earl april jan ann joe li lin yu hao lei fang tao hong mei jun yan jing ming ying lan ama
nia olu yaw noor nour rosa alba ivy lily hazel violet stella aurora amber crystal ruby pearl jade
ella mia eva lea sara ana eve tess bas koen tim sven leon felix chance christian august sunny
`;

const SURNAMES = `
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson
thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young
allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter
roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers
gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez
wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez
doe okafor adeyemi okonkwo mensah owusu kamara diallo traore ndlovu dlamini mwangi otieno
murphy kelly obrien o'brien o'connor oconnor byrne ryan walsh mccarthy doyle gallagher kennedy lynch quinn
muller mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter klein wolf
schroder neumann schwarz zimmermann braun kruger hofmann hartmann lange werner krause
dubois durand leroy moreau simon laurent lefebvre michel garnier fournier girard bonnet dupont lambert fontaine
rousseau vincent muller blanc guerin faure andre mercier
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti costa giordano
fernandez gonzalez sanchez perez martin gomez ruiz diaz alvarez moreno munoz romero alonso navarro torres
silva santos oliveira souza pereira costa carvalho almeida ferreira ribeiro rodrigues gomes martins
devries jansen bakker visser smit meijer mulder bos vos dekker
nowak kowalski wisniewski wojcik kaminski lewandowski zielinski
ivanov petrov smirnov kuznetsov popov sokolov
wang zhang liu chen yang huang zhao zhou wu xu sun zhu hu guo he luo
tanaka suzuki takahashi watanabe ito yamamoto nakamura kobayashi sato yamada kato yoshida sasaki
park choi jung kang cho yoon jang lim han
sharma singh kumar gupta reddy iyer nair mehta shah joshi rao das chatterjee banerjee agarwal kapoor malhotra
khan hussain ahmed rahman chowdhury hassan yilmaz kaya demir sahin celik
cohen levi mizrahi friedman katz
andersson johansson karlsson nilsson eriksson larsson hansen johansen olsen nielsen jensen pedersen
krishnan raman subramanian venkatesh iyengar pillai menon naidu bhat hegde kulkarni deshpande patil pandey mishra
tiwari verma yadav chauhan thakur bose ghosh mukherjee sen dutta sinha
okeke eze nwosu obi adeleke bakare oyelaran babatunde afolabi asante boateng appiah acheampong
abdullah rahim aziz karimi hosseini rezaei mohammadi ahmadi jafari farouk saleh haddad khoury nasser
lindqvist lindberg lundgren bergstrom holm dahl strand berg lund virtanen korhonen nieminen makinen
novak horvat kovac popovic jovanovic petrovic nikolic markovic
papadopoulos georgiou nikolaidis dimitriou
moretti ricci barbieri lombardi marini fontana santoro mariani rinaldi caruso
herrera medina castro vargas ramos rojas guerrero vega mendez delgado ortega silva pena
nakamura ishikawa matsumoto inoue kimura hayashi shimizu yamaguchi mori ikeda hashimoto
zhang liang song tang xie han feng deng cao peng zeng
`;

/**
 * Capitalised words of SFMC screens and ordinary English that follow a given name or a cue but are not surnames
 * ("Journey for New Subscribers", "Owner: Marketing Team").
 */
const NOT_NAME = `
a an the and or of for to in on at by with from as is are was be new all any my our your their this that these those
no not yes ok cancel save saved close open edit delete remove add create update view show hide copy send test sent
email emails mail sms push journey journeys builder studio content contact contacts data extension extensions de
subscriber subscribers list lists audience audiences segment segments filter filters query queries sql automation
automations activity activities campaign campaigns cloud marketing sales service team teams group groups account
accounts business unit units settings setup admin administration user users role roles profile profiles sender
delivery send classification template templates preview validate activate draft version versions status running
paused stopped scheduled completed active inactive error errors warning warnings success failed pending review
welcome series newsletter newsletters promo promotion promotions sale offer offers summer winter spring fall autumn
holiday black friday cyber monday christmas easter weekly daily monthly annual report reports dashboard analytics
overview details detail summary settings properties property field fields column columns row rows record records
key keys primary sendable relationship attribute attributes name names first last full given family middle
customer customers member members lead leads person people owner owners manager managers support help center
page pages site sites web mobile app apps connect connector api integration package packages installed client
secret secrets id ids token tokens code codes block blocks image images text html link links button buttons
entry exit source target split decision engagement random wait duration goal goals event events trigger
north south east west northern southern eastern western trail outfitters retail corp inc ltd llc gmbh
subject line preheader from reply header footer body layout layouts theme themes brand branding asset assets
library libraries folder folders shared private public default custom standard import export file files
transfer script scripts ampscript ssjs guide guides tutorial documentation docs release notes learn more
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday now week month year time
high street road avenue lane drive way square place court close
step steps next back previous finish start stop done sign log login logout in out up down
salesforce exacttarget trailhead einstein tableau slack mulesoft commerce experience
sfmc crm cdp ai gpt openai voice instructor session sessions share context
message messages notification notifications alert alerts inbox outbox
total count counts rate rates open opens click clicks bounce bounces unsubscribe unsubscribes
interactions interaction path paths flow flows channel channels
world everyone everybody there valued friend friends folks colleague colleagues partner partners sir madam
apex class object objects process platform system integration trigger triggers
day days night eve weekend season
video videos demo demos memo logo logos menu menus radio piano zero hero heroes tomato potato banana karate domino
panorama sumo tokyo osaka kyoto hawaii sushi anime manga emoji karaoke tsunami samurai kimono tofu wasabi miso ramen
judo bonsai origami tempura teriyaki ninja yoga avocado mango papaya tornado volcano casino
`;

const toSet = (s: string) => new Set(s.split(/\s+/).filter(Boolean));
const GIVEN_SET = toSet(GIVEN);
const AMBIGUOUS_SET = toSet(AMBIGUOUS);
const SURNAME_SET = toSet(SURNAMES);
const NOT_NAME_SET = toSet(NOT_NAME);

const folded = new Map<string, string>();
function fold(w: string): string {
  let f = folded.get(w);
  if (f === undefined) {
    f = /^[a-z']*$/.test(w)
      ? w
      : w
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[’]/g, "'");
    if (folded.size > 5000) folded.clear();
    folded.set(w, f);
  }
  return f;
}

/** A common given name; with `strict`, only one that is not also an ordinary word. */
export function isGivenName(word: string, strict = false): boolean {
  const w = fold(word);
  return GIVEN_SET.has(w) && !(strict && AMBIGUOUS_SET.has(w));
}

/** A word that any name rule needs to see somewhere in the string: a given name (or part of one) or a surname. */
export function isNameEvidence(word: string): boolean {
  const w = fold(word)
    .replace(/['’]s$/, '')
    .replace(/\.$/, '');
  return GIVEN_SET.has(w) || SURNAME_SET.has(w) || (w.includes('-') && w.split('-').some((p) => GIVEN_SET.has(p)));
}

/** Surname endings that English UI words do not have: Andersson, Kowalski, Petrović, Papadopoulos, Yamamoto, López… */
const SURNAME_ENDING =
  /(?:sson|ssen|ski|ska|wicz|ović|ovic|evic|enko|escu|oglu|oğlu|opoulos|akis|idis|yan|stein|mann|moto|mura|yama|kawa|uchi|ova|eva|ov|ev|ez|inen|ishvili|adze)$/i;
/** Gaelic/Norman surname prefixes: McDonald, MacLeod, Fitzgerald, O'Neill. */
const SURNAME_PREFIX = /^(?:Mc\p{Lu}|Mac\p{Lu}|Fitz\p{Ll}{3}|O['’]\p{Lu})/u;
export const hasSurnameEnding = (word: string): boolean =>
  (word.length >= 5 && SURNAME_ENDING.test(word.replace(/['’]s$/, ''))) || SURNAME_PREFIX.test(word);

/** Romanised Japanese: only (consonant+)vowel syllables and n ("Aiko", "Matsuda", "Shinzo"); a pair of them is a name. */
const ROMAJI = /^(?:(?:[kgszjtdnhbpmyrwf]|sh|ch|ts|ky|gy|ny|hy|my|ry|by|py)?[aeiou]|n(?![aeiouy]))+$/;
export const isRomajiName = (word: string): boolean =>
  word.length >= 4 && ROMAJI.test(word.toLowerCase()) && !isUiWord(word);

export const isAmbiguousName = (word: string): boolean => AMBIGUOUS_SET.has(fold(word));
export const isSurname = (word: string): boolean => SURNAME_SET.has(fold(word).replace(/'s$/, ''));
export const isUiWord = (word: string): boolean => NOT_NAME_SET.has(fold(word).replace(/'s$/, ''));
