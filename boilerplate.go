package scoop

import (
	"regexp"
	"strings"
)

// Lines that sit inside article containers on real pages without being
// the article: sign-up pitches, tip lines, aggregators' pointers to the
// original, paywall and log-in dialogs, rating widgets, comment counters,
// server warnings and bare times. Each pattern applies to a short line
// only and runs only when a cheap substring test says it may match, as
// this runs on every short line of every body.
type boilerplateRule struct {
	name string
	max  int // longest line the rule applies to, in bytes
	// hints are lower-case substrings one of which the line must hold;
	// for a rule anchored at the line's start, words marked "^" one of
	// which must open it (common words, which a substring test would
	// meet in every line).
	hints []string
	rx    *regexp.Regexp
}

var boilerplateRules = []boilerplateRule{
	{"signup", 160, []string{"newsletter", "inbox", "boîte", "postfach", "bandeja", "sign up", "signing up", "subscri", "suscr", "abonn", "iscriviti", "inscreva", "assine", "anmelden", "inscrivez", "zapisz", "prenumer", "subskr"},
		regexp.MustCompile(`(?i)(^[^\pL]*(sign up|subscribe|register|get|receive|want)\b.{0,80}\b(newsletter|inbox|e-?mail|updates|alerts|briefing)|\bsign up (here|now|today)\b|\bsign up for (our|the) .{0,30}newsletter|never miss .{0,60}\b(sign|subscri)|newsletter (abonnieren|bestellen|anmelden)|jetzt (kostenlos )?(anmelden|abonnieren)|zum newsletter|(abonnieren sie|abonniere|abonniert) (unseren|meinen|den|unsere) newsletter|mit unserem newsletter|newsletter (erhalten|bestellen)\W*$|alle newsletter im überblick|^[^\pL]*(redaktioneller |unser |kostenloser )?newsletter[^\pL]*$|abonniere jetzt|inscrivez-vous|abonnez-vous à|suscr[ií]b(ete|ase)|iscriviti alla|inscreva-se|assine (a|nossa) newsletter|zapraszamy (też |także )?do (subskrypcji|prenumeraty)|zapisz się|\b(get|receive|delivered) .{0,60}\b(in|to) your inbox\b|(recevez|reçoive).{0,60}dans votre boîte|(direkt )?in ihr(em)? postfach|(recibe|recíbelo).{0,60}en tu (bandeja|correo))`)},
	{"tips", 160, []string{"got a", "have a", "news tip", "escrib", "écrivez", "scrivi", "hinweis", "write to us", "contact us"},
		regexp.MustCompile(`(?i)(\b(got|have) a (news )?(tip|story)\b|\bnews tips?\b.{0,40}(e-?mail|contact|send)|puede escribirnos|escríbenos a|écrivez-nous|scrivici|haben sie (einen )?hinweis|hinweise (bitte )?an|write to us at|contact us at)`)},
	{"aggregator", 160, []string{"full story", "original", "full article", "summary of reporting", "this article was", "complete story"},
		regexp.MustCompile(`(?i)(^[^\pL]*(read|see|view|continue reading) (the )?(full|original|complete|entire) (story|article|report)\b|summary of reporting by|^[^\pL]*(this|the) (article|story) (was|is) (a )?(summary|summarized|compiled|aggregated))`)},
	{"print", 300, []string{"in print", "reprints", "print edition", "printausgabe", "édition papier", "edición impresa"},
		regexp.MustCompile(`(?i)(^[^\pL]*a version of this (article|story|review) (appears|appeared) in print|^[^\pL]*order reprints\b|this (article|story) (appeared|appears) in the .{0,40}print edition|erschien (zuerst |auch )?in der .{0,30}(printausgabe|gedruckten ausgabe)|^[^\pL]*cet article (est paru|a été publié) dans .{0,30}édition papier|^[^\pL]*(este artículo|esta nota) (se publicó|apareció) en la edición impresa)`)},
	{"errors", 200, []string{"error", "mistake", "typo", "chyb", "fehler", "erreur", "errore", "błąd", "faute", "překlep"},
		regexp.MustCompile(`(?i)^[^\pL]*(if you (have )?(spot|spotted|notice|noticed|see|saw|find|found) (an?|any) (error|mistake|typo)s? (in (this|the|our) (article|story|text|report|piece|post)|.{0,40}\b(let us know|tell us|contact us|email us|write to us))|(found|spotted|see) an? (error|mistake|typo)\b.{0,30}\?|pokud jste .{0,40}(chybu|překlep)|ak ste .{0,40}(chybu|preklep)|haben sie einen fehler (im (text|artikel) )?(gefunden|entdeckt)|(einen )?fehler (im (text|artikel) )?(gefunden|entdeckt)\?|vous avez (repéré|remarqué|trouvé|constaté|relevé) une (erreur|faute|coquille)|¿?(has|ha) (visto|encontrado|detectado) (un|algún) error|se hai (notato|trovato|visto) un errore|jeśli (zauważył(eś|aś|eś\(aś\)|eś/aś)|znalazł(eś|aś)) błąd)`)},
	{"follow", 300, []string{"follow us", "volg ons", "folgen sie uns", "suivez-nous", "síguenos", "seguici", "preferred source", "bevorzugte quelle", "voorkeursbron", "source préférée"},
		regexp.MustCompile(`(?i)(\b(follow us|volg ons|folgen sie uns|suivez-nous|síguenos|seguici)\b[^.!?]{0,40}\b(never miss|mis (dan )?nooit|nichts mehr verpassen|nie mehr verpassen|ne (ratez|manquez)|no te pierdas|non perdere)|\b(add|set|make) (us|\S+( \S+)?) as (a |your )?preferred source\b|als bevorzugte quelle|als voorkeursbron|comme source préférée)`)},
	{"promo", 160, []string{"click here", "tap here", "watch live", "watch it live", "livestream", "klicken sie hier", "cliquez ici", "haga clic", "clicca qui"},
		regexp.MustCompile(`(?i)((click|tap) here to (watch|listen|read|download|get|see|follow|stream)|watch (it )?live\b|klicken sie hier|cliquez ici|haga clic aquí|clicca qui)`)},
	{"paywall", 160, []string{"subscri", "log in", "login", "sign in", "members", "abonn", "eingeloggt", "angemeldet", "article limit", "free article", "freien artikel", "full story", "full article", "weiterlesen", "free account", "suscri", "inicia sesión", "zugang"},
		regexp.MustCompile(`(?i)(already (a )?(subscriber|member)|(log|sign) ?in to (continue|read|keep reading|comment)|subscribe (now )?to (continue|read|keep reading|unlock)|(this|the) (article|content|story) is (for|only (available )?(for|to)) (subscribers|members)|reached (your|the) (free )?(article|story) limit|\d+ free articles?|keine freien artikel mehr|anmelden und weiterlesen|to (view|read|continue reading) the full (story|article),? (please )?subscribe|subscribe .{0,40}for the full (story|article)|create (a )?free account|bereits abonnent|jetzt weiterlesen|sie sind (aktuell |derzeit )?nicht (eingeloggt|angemeldet)|(eingeloggt|angemeldet) sein,? um|mit (z|d)einem .{0,20}(abo|zugang) weiterlesen|déjà abonné|réservé aux abonnés|ya (eres|es) suscriptor|contenido exclusivo para suscriptores|inicia sesión para)`)},
	{"rating", 160, []string{"rate this", "helpful", "useful", "resultó", "resultado", "vote", "stimmen", "bewert", "ratings", "évaluation", "aucune note", "valoraciones", "nützlich", "hilfreich", "utile", "útil", "average rating", "gefällt", "gefiel", "like this", "enjoy this", "aimé", "gustó", "gustado", "piaciuto"},
		regexp.MustCompile(`(?i)(^[^\pL]*(hat )?(gefällt|gefiel) (ihnen|dir|euch) (dieser|der|unser) (artikel|beitrag)\s*\?|^[^\pL]*did you (like|enjoy) this (article|story|post)\s*\?|^[^\pL]*vous avez aimé cet article\s*\?|^[^\pL]*¿?(te|le|os) (gustó|ha gustado) (este|el) (artículo|contenido)\s*\?|^[^\pL]*ti è piaciuto (questo|l')\s*articolo\s*\?|^[^\pL]*rate this|how (useful|helpful) was|was this (article|page|post) (helpful|useful)|\d+ (votes?|stimmen|bewertungen)\b|average rating|no ratings yet|noch keine bewertung|aucune (évaluation|note)|sin valoraciones|wie (hilfreich|nützlich|bewerten sie)|fanden sie diese[nrs]? (artikel|beitrag|seite) (nützlich|hilfreich)|cet article vous a-t-il été utile|(war|ist) dieser (artikel|beitrag) hilfreich|¿?(te|le) (resultó|ha resultado) útil|¿(te|le) (fue|ha sido) útil)`)},
	{"disclosure", 300, []string{"compensation", "commission", "disclosure", "affiliate", "provision", "sternchen", "amazon"},
		regexp.MustCompile(`(?i)(\bwe (may )?(receive|earn|get) (a )?(small )?(compensation|commission)|advertiser disclosure|(this|the) (post|article|page) (may )?contains? affiliate links|wir erhalten (ggf\. |gegebenenfalls |eventuell )?eine provision|(links|angebote) kennzeichnen wir mit einem (sternchen|\*)|als amazon-partner verdiene|en tant que partenaire amazon|como afiliado de amazon)`)},
	{"appeal", 200, []string{"help us", "support", "donat", "spend", "unterstütz", "soutenez", "apoya", "don compte", "donación"},
		regexp.MustCompile(`(?i)^[^\pL]*(jede (kleine )?spende (hilft|zählt)|every (donation|gift)(,? no matter how small,?)? (helps|counts|matters)|chaque don (compte|aide)|cada donación (cuenta|ayuda)|help us (to )?(continue|keep)|(please )?(support|donate to) (us|our (work|journalism|reporting|newsroom))\b|(jetzt spenden|spenden sie)\b|unterstützen sie (uns|unsere arbeit|unabhängigen journalismus)|soutenez(-nous| notre)|apoya (nuestro|el) periodismo)`)},
	{"comments", 80, []string{"comment", "kommentar", "commentaire", "comentario", "reacties", "komentarz"},
		regexp.MustCompile(`(?i)^[^\pL\pN]*((read|view|show|see|lesen sie( die)?|alle|voir les|ver( los)?|leer( los)?) )?(\d+ )?(comments?|kommentare?|commentaires?|comentarios?|reacties|komentarz[ey]?)\s*[(:]?\s*\d*\s*\)?[^\pL\pN]*$|in den kommentaren:?$|^verraten sie .{0,60}kommentar`)},
	{"comment-prompt", 200, []string{"kommentar", "comments", "commentaire", "comentarios", "commenti"},
		regexp.MustCompile(`(?i)^[^\pL]*((verraten|schreiben|sagen|erzählen) sie (uns )?(es )?(gerne |doch )?(uns )?in den kommentaren|(schreibt|verratet) (es )?(uns )?(gerne )?in die kommentare|(tell|let) us (know )?in the comments|dites-(le-)?nous (tout )?en commentaires?|(cuéntanos|déjanos|dinos) en (los )?comentarios|(diccelo|scrivetecelo|ditecelo) nei commenti)`)},
	{"comment-status", 80, []string{"comment", "kommentar", "commentaire", "comentario", "kommentierst"},
		regexp.MustCompile(`(?i)^[^\pL\pN]*(comments are closed|leave a (comment|reply)|write a comment|no comments yet|kommentare (sind )?geschlossen|kommentar(e)? (schreiben|verfassen|abgeben)|noch keine kommentare|kommentare insgesamt:?|show more comments|ihr kommentar ist zu lang|load more comments|du kommentierst mit deinem .{0,20}konto|you are commenting using your .{0,20}account|commentaires fermés|laisser un commentaire|les commentaires sont fermés|deja (un|tu) comentario|comentarios cerrados)[^\pL\pN]*\d*[^\pL\pN]*$`)},
	{"share", 120, []string{"share", "teilen", "partag", "compart", "enjoyed", "liked"},
		regexp.MustCompile(`(?i)(vergiss nicht,? (ihn |es |den artikel )?zu teilen|^[^\pL\pN]*share this (article|post|story|page)|teile(n sie)? (diesen|den) (artikel|beitrag)|partagez cet article|comparte (esta|este) (noticia|artículo|nota)|^[^\pL\pN]*if you (enjoyed|liked) (reading )?this (post|article))`)},
	{"views", 60, []string{"aufrufe", "views", "vues", "visitas", "visualizzazioni", "wyświetle", "просмотр", "gelesen", "visited", "besucher online"},
		regexp.MustCompile(`(?i)^[^\pL\pN]*((aufrufe|views|vues|visitas|visualizzazioni|wyświetlenia|просмотры|gelesen)\s*:?\s*[\d.,]*|[\d.,]+\s*(aufrufe|views|vues|visitas|visualizzazioni|wyświetle\pL*|просмотр\pL*|mal gelesen))[^\pL\pN]*$|^\(?visited \d+ times|^\d+ besucher online$`)},
	{"category", 80, []string{"kategori", "categor", "catégor", "rubri", "filed under", "posted in"},
		regexp.MustCompile(`(?i)^[^\pL\pN]*(kategorien?|categor(y|ies)|catégories?|categorías?|categorie|rubrik|rubrique|filed under|posted in)\s*:`)},
	{"rights", 120, []string{"rights", "rechte", "droits", "derechos", "diritti", "prawem", "prawa", "gewähr"},
		regexp.MustCompile(`(?i)(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|materiał chroniony prawem|wszelkie prawa zastrzeżone|alle angaben ohne gewähr)`)},
	{"license", 200, []string{"licen", "lizen", "cc-by", "cc by", "creative commons"},
		regexp.MustCompile(`(?i)((sofern nicht anders (angegeben|ausgewiesen|vermerkt|gekennzeichnet)|soweit nicht anders (angegeben|vermerkt)|unless otherwise (noted|stated|indicated|specified)|sauf (mention|indication) contraire|salvo (que se indique lo contrario|indicación contraria)|salvo diversa indicazione)\b.{0,80}\b(cc[- ]by|creative commons|licen[sc]|lizen[sz]|licencia|licenza)|^[^\pL]*(this|the) (work|article|post|content|text|blog) is licensed under|^[^\pL]*dieses? (werk|artikel|beitrag|inhalt) (ist|steht) unter (einer|der) .{0,40}lizenz)`)},
	{"postmeta", 300, []string{"posted", "abgelegt", "veröffentlicht unter", "publié dans", "publicada en", "pubblicat", "permalink"},
		regexp.MustCompile(`(?i)(this (entry|post) was posted (in|on)|bookmark the permalink|abgelegt unter|^[^\pL]*veröffentlicht unter|wurde unter .{0,120}abgelegt|cette entrée a été publiée|^[^\pL]*publié dans|esta entrada fue publicada|questa voce è stata pubblicata)`)},
	{"ad", 120, []string{"anzeige", "advertisement", "werbung", "contains", "publicidad", "publicité", "pubblicità", "reklama", "sponsored", "gesponsert"},
		regexp.MustCompile(`(?i)^[^\pL\pN]*((anzeige|advertisement|werbung|publicidad|publicité|pubblicità|reklama|sponsored|gesponsert)\s*[-–—:|]\s+\S|(?-i:^[^\pL\pN]*(WERBUNG|ANZEIGE) (für|fuer)\b)|(dieser|this) (beitrag|artikel|post|article) (enthält|contains) (werbung|anzeigen|affiliate|sponsored|paid))`)},
	{"cookies", 300, []string{"cookie"},
		regexp.MustCompile(`(?i)((we|wir) (use|verwenden|nutzen|setzen) (\pL+ )?cookies|this (website|site) uses cookies|(diese|unsere) (webseite|website|seite) (verwendet|nutzt) cookies|dass wir cookies setzen|(verwendung|einsatz|nutzung) von cookies (zu|einverstanden)|nous utilisons des cookies|ce site utilise des cookies|utilizamos cookies|este sitio (web )?utiliza cookies|utilizziamo (i )?cookie|questo sito (web )?utilizza (i )?cookie|accept(ez)? (all )?cookies|cookie-?(einstellungen|settings|policy|richtlinie)\W*$)`)},
	{"social", 120, []string{"folg", "follow", "chat with us", "google news", "google", "liken", "suivez", "síguenos", "siguenos", "seguici", "siga", "join our", "únete", "telegram", "whatsapp"},
		regexp.MustCompile(`(?i)(^[^\pL]*(folgen sie uns|folge uns|folgt uns|follow us|liken sie uns|suivez-nous|síguenos|siguenos|seguici|siga-nos)\b|^[^\pL]*follow \S+( \S+){0,3}:? (on )?(facebook|twitter|instagram|youtube|tiktok|linkedin)\b|(your|jouw) (preferred|voorkeurs)(\s?bron| source) (on|in) google|chat with us (in|on) facebook messenger|(recibe alertas|folgen sie uns|follow us) (desde|auf|bei|on) google news|join our .{0,40}(facebook|telegram|whatsapp|discord) (group|channel)|(canal|channel|kanal) (de |on |auf )?(telegram|whatsapp)|(telegram|whatsapp)-?(kanal|channel|canal)\b)`)},
	{"browser", 160, []string{"browser", "wordpress.com"},
		regexp.MustCompile(`(?i)((dein|ihr) browser ist (leider )?veraltet|your browser is (out of date|outdated|not supported)|you are using an? (outdated|unsupported) browser|(erstelle|create) (kostenlos |a free )?(eine |a )?(website|blog|webseite) .{0,40}wordpress\.com|(bloggen auf|blog at) wordpress\.com)`)},
	{"permalink", 120, []string{"permalink", "permalien", "permalänk", "enlace permanente", "link permanente"},
		regexp.MustCompile(`(?i)^[^\pL\pN]*(permalink|permalien|permalänk|enlace permanente|link permanente)\s*:?\s*(https?://\S+)?[^\pL\pN]*$`)},
	{"warning", 400, []string{"warning", "notice", "deprecated", "fatal error", "strict standards"},
		regexp.MustCompile(`(?i)^(warning|notice|deprecated|fatal error|parse error|strict standards)\s*:.{0,300}\bon line \d+`)},
	{"clock", 40, []string{":"},
		regexp.MustCompile(`(?i)^[^\pL\pN]*((published|updated|posted|modified|veröffentlicht|aktualisiert|publié|publicado|actualizado)\s*(at|um|à|a las)?\s*:?\s*)?\d{1,2}[:.h]\d{2}\s*(a\.?m\.?|p\.?m\.?|uhr|h)?\s*([A-Z]{2,4})?[^\pL\pN]*$`)},
	{"more", 160, []string{"… mehr", "…mehr", "... mehr", "...mehr", "… more", "…more", "... more", "...more", "… read", "... read", "… weiter", "... weiter", "… lire", "... lire", "… leer", "... leer", "… leggi", "... leggi", "… czytaj", "... czytaj", "… lees", "... lees"},
		regexp.MustCompile(`(?i)(…|\.\.\.)\s*(mehr|more|read more|weiterlesen|lire la suite|leer más|leggi tutto|czytaj dalej|lees meer)[^\pL\pN]*$`)},
	{"enlarge", 300, []string{"^vergrößern", "^enlarge", "^agrandir", "^ampliar", "^ingrandisci", "^powiększ"},
		regexp.MustCompile(`^[^\pL]*(?i:vergrößern|enlarge|agrandir|ampliar|ingrandisci|powiększ)\s+([A-RT-ZÄÖÜÉ]|S[^i]|Si[^e]|Sie\pL)`)},
	{"embed-consent", 200, []string{"klicken sie auf", "klicke auf", "click on the button", "click the button", "cliquez sur le bouton", "haga clic en el botón", "clicca sul pulsante"},
		regexp.MustCompile(`(?i)(klicke?n? sie auf (den|die) (unteren |folgenden )?(button|schaltfläche),? um (den|die) (inhalt|inhalte) von .{1,60} zu laden|click (on )?the button below to load the content (of|from)|cliquez sur le bouton ci-dessous pour charger le contenu|haga clic en el botón (de abajo|inferior) para cargar el contenido|clicca sul pulsante (qui sotto|sottostante) per caricare il contenuto)`)},
	{"empty-label", 40, []string{"^von", "^by", "^por", "^par", "^door", "^av", "^autor", "^autorin", "^author", "^verfasst", "^written", "^text", "^texte", "^foto", "^fotos", "^photo", "^photos", "^bild", "^bilder", "^quelle", "^source", "^fuente"},
		regexp.MustCompile(`(?i)^[^\pL]*(von|by|por|par|door|av|autor|autorin|author|verfasst von|written by|text|texte|foto|fotos|photo|photos|bild|bilder|quelle|source|fuente)\s*:\s*[/|–—-]?\s*$`)},
	{"cart", 160, []string{"warenkorb", "hinzugefügt", "added to your", "successfully added", "panier", "carrito", "carrello"},
		regexp.MustCompile(`(?i)((wurde|wurden) (erfolgreich )?(in den|zum|dem) warenkorb hinzugefügt|^[^\pL]*der artikel wurde erfolgreich hinzugefügt|(was|has been|have been) (successfully added to (your |the )?|added to your (shopping )?)(cart|basket|bag)|ajouté(e|s)? (avec succès )?à (votre|au) panier|añadido (correctamente )?al carrito|aggiunto (correttamente )?al carrello)`)},
	{"toggle", 60, []string{"^quellen", "^quellenangaben", "^mehr", "^weniger", "^details", "^inhalt", "^inhaltsverzeichnis", "^kommentare", "^transkript", "^einzelnachweise", "^show", "^hide", "^afficher", "^masquer", "^mostrar", "^ocultar"},
		regexp.MustCompile(`(?i)^[^\pL]*((quellen|quellenangaben|mehr|weniger|details|inhalt|inhaltsverzeichnis|kommentare|transkript|einzelnachweise) (anzeigen|ausblenden|einblenden|verbergen)|(show|hide) (the )?(sources|references|more|less|details|comments|transcript)|(afficher|masquer) (les )?(sources|détails|commentaires)|(mostrar|ocultar) (las )?(fuentes|detalles|comentarios))[^\pL]*$`)},
	{"confirm", 300, []string{"abzuschließen", "bestätigungs", "to complete your", "to confirm your", "please click the"},
		regexp.MustCompile(`(?i)(um (die|ihre) (bestellung|anmeldung|registrierung) abzuschließen,? klicken sie|klicken sie (bitte )?auf den bestätigungs-?link|(to complete|to confirm) your (subscription|sign-?up|registration),? (please )?click|please click the (confirmation )?link (we|in the email))`)},
	{"qa-meta", 60, []string{"^asked", "^answered", "^edited"},
		regexp.MustCompile(`^(asked|answered|edited)\s+(\pL{3,9}\.? \d{1,2}(, \d{4})?|\d+ \pL+ ago)( at \d{1,2}:\d{2})?$`)},
	{"more-info", 100, []string{"^weitere", "^mehr", "^more", "^further", "^plus", "^más", "^ulteriori", "^maggiori"},
		regexp.MustCompile(`(?i)^[^\pL]*((weitere|mehr) (infos?|informationen)|(more|further) (info|information|details)|plus d'(infos?|informations)|más información|(ulteriori|maggiori) informazioni)\s*(unter|auf|bei|at|on|sur|en|su)?\s*:?\s*(https?://)?[\pL\pN.-]+\.\pL{2,}(/\S*)?[^\pL\pN]*$`)},
	// A player's or a gallery's button words, left as lines of their own
	// when the widget's markup goes ("JUST WATCHED", "MUST WATCH",
	// "ENLARGE", "See next articles").
	{"widget", 40, []string{"watch", "playing", "video", "replay", "enlarge", "vergrößern", "agrandir", "ampliar", "ingrandisci", "next", "previous", "prev", "older", "newer", "nächste", "vorherige", "suivant", "précédent", "siguiente", "anterior"},
		regexp.MustCompile(`(?i)^[^\pL\pN]*((just|must) watch(ed)?|now playing|watch (more|next|now)|more videos|video playlist|replay|enlarge( (image|photo|this image))?|bild vergrößern|vergrößern|agrandir( l'image)?|ampliar( imagen| foto)?|ingrandisci|(see |view )?(the )?(next|previous|prev|older|newer) (article|post|entry|story)s?|nächste[rs]? (artikel|beitrag)|vorherige[rs]? (artikel|beitrag)|(article|billet) (suivant|précédent)|(artículo|entrada) (siguiente|anterior))[^\pL\pN]*$`)},
	// A call to discuss the story on a social network, closing it.
	{"social-prompt", 160, []string{"facebook", "twitter", "instagram"},
		regexp.MustCompile(`(?i)^[^\pL]*(tell us what you think|let us know what you think|join (us|the conversation|the discussion|the debate)|share your (thoughts|views|opinion|story)|what do you think\?)\b.{0,100}\b(facebook|twitter|instagram)\b`)},
	{"login", 160, []string{"logged in", "melden sie sich", "connecté", "iniciar sesión", "registrado"},
		regexp.MustCompile(`(?i)(you (must|need to) be logged in|melden sie sich an,? um|vous devez être connecté|debes (iniciar sesión|estar registrado))`)},
}

// shortLine is the longest line most rules apply to; longer lines, most
// of them prose, are only tested for the few rules that reach them.
const shortLine = 160

// boilerplateHints finds the hints of all rules in one pass, and
// longLineHints those of the rules for lines over shortLine; group i is
// rule i.
var boilerplateHints, longLineHints = hintSets()

// boilerplateFirsts maps the first words that rules anchored at a line's
// start may open with to the bits of those rules.
var boilerplateFirsts = firstWordHints()

func hintSets() (all, long *substringSet) {
	var groups, longGroups [][]string
	for _, r := range boilerplateRules {
		var g []string
		for _, h := range r.hints {
			if !strings.HasPrefix(h, "^") {
				g = append(g, h)
			}
		}
		groups = append(groups, g)
		if r.max > shortLine {
			longGroups = append(longGroups, g)
		} else {
			longGroups = append(longGroups, nil)
		}
	}
	return newSubstringSet(groups), newSubstringSet(longGroups)
}

func firstWordHints() map[string]uint64 {
	m := map[string]uint64{}
	for i, r := range boilerplateRules {
		for _, h := range r.hints {
			if w, ok := strings.CutPrefix(h, "^"); ok {
				m[w] |= 1 << i
			}
		}
	}
	return m
}

// rxReadingLabel is a line that only announces more reading, a most-read
// list or a table of contents: left alone in the body once its links are
// gone, or standing before links the body keeps.
var rxReadingLabel = newFilteredRx(`schon gelesen|siehe auch|zum weiterlesen|weiterlesen|auch interessant|das könnte (sie|dich) auch interessieren|lesen sie auch( die folgenden beiträge)?|mehr (informationen|infos)( zum thema)?|weiterführende[rn]? (links?|informationen)|noch mehr .{0,30}|weitere .{0,30}(tipps|artikel|beiträge|themen|infos|news)|entdecke weitere .{0,30}|vorschau auf den nächsten artikel|meist[ -]?(gelesene?|diskutierte?|kommentierte?|geklickte?)n? ?(artikel|beiträge|news)?|le puede interesar|te puede interesar|también le puede interesar|à lire aussi|lire aussi|voir aussi|dowiedz się więcej|czytaj (też|także|więcej)|you may also like|you might also like|recommended( for you| stories| reading)?|more (stories|news|to read|on this( story| topic)?)|more from( [^.!?:]{1,40})?|most (read|popular|viewed|commented|shared)|related (recipes|posts|articles|stories|videos|links)|trending( now| stories)?|inhaltsverzeichnis|table of contents|sommaire|índice|indice`, true)

// boilerplate names the rule a short line of body text breaks, or "".
func boilerplate(t, lower string) string {
	if len(t) <= 60 && rxReadingLabel.MatchString(t) {
		return "label"
	}
	if len(t) > 300 && !strings.Contains(lower, " on line ") {
		return "" // only a server warning runs that long
	}
	hints := boilerplateHints
	if len(t) > shortLine {
		hints = longLineHints
	}
	hinted := hints.find(lower) | boilerplateFirsts[firstWord(lower)]
	for i := range boilerplateRules {
		r := &boilerplateRules[i]
		if len(t) > r.max || hinted&(1<<i) == 0 {
			continue
		}
		if r.rx.MatchString(t) {
			return r.name
		}
	}
	if len(t) <= 300 && strings.Contains(t, " | ") && metaBar(t) {
		return "metabar"
	}
	return ""
}

// maxPostFooter is the longest post footer a blog theme writes: the
// date, the categories and the feed and trackback notes. The line rules
// stop at 300 bytes; this one is tested up to here.
const maxPostFooter = 600

// rxPostFooter is the footer blog themes set under a post, which names
// its date and categories and points to its feed ("This entry was posted
// on … and is filed under …", "Der Beitrag wurde am … veröffentlicht und
// wurde unter … abgelegt"). Anchored at the start, it gives up on prose
// within a few letters.
var rxPostFooter = regexp.MustCompile(`(?is)^[^\pL]*(this (entry|post) was posted|(der|dieser) (beitrag|eintrag) wurde am|cette entrée a été publiée|esta entrada fue publicada|questa voce è stata pubblicata|dit bericht is geplaatst)\b.{0,300}\b(filed under|posted in|abgelegt|classée? dans|archivada en|archiviat[ao] in|opgeslagen onder|geplaatst in)\b`)

// postFooterWords are the words a post footer opens with, tested before
// rxPostFooter on every long paragraph.
var postFooterWords = wordSet(`this der dieser cette esta questa dit`)

// rxFileItem is a download's type or size in a meta bar ("PDF | 38 KB").
var rxFileItem = regexp.MustCompile(`^(PDF|DOCX?|XLSX?|PPTX?|ZIP|MP3|MP4|\d+([.,]\d+)?\s?[KkMG]B)$`)

// maxBarItem is the longest item of a meta bar.
const maxBarItem = 60

// metaBar reports whether t is a bar of short items set apart by bars
// ("Aufrufe: 1120 | Hinzugefügt von: Posh | Tags: …", "Kommentarfeed |
// Kommentare geschlossen | Trackback-URL"), one of which a line rule
// takes when it stands alone: the post's meta line, whose
// other items (a feed link, a name, tags) no rule names. A date is no
// such item: "29 November 2018 | 20 January 2019" is an event's dates.
func metaBar(t string) bool {
	items := strings.Split(t, "|")
	if len(items) < 2 {
		return false
	}
	meta := false
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" || len(it) > maxBarItem {
			return false
		}
		if !meta {
			meta = rxFileItem.MatchString(it) || boilerplate(it, strings.ToLower(it)) != ""
		}
	}
	return meta
}
