package scoop

// The words of class and id names that say what a block is (debris, a
// comment thread, related stories, a sponsored widget, a sitewide list),
// read by hintBits on every element of the page.

// Kinds of block that class and id names tell, as bits of hintBits.
const (
	hintDebris uint = 1 << iota
	hintComment
	hintDek
	hintSponsored
	hintRelated
	hintNotRelated
	hintSitewide
	hintBar
	hintAuthor
)

// hintVocab gives the kind bits of each class and id word.
var hintVocab = vocabulary(debrisHints, commentHints, dekHints, sponsoredHints, relatedHints, notRelatedHints, sitewideHints, barHints, authorHints)

// Class and id words of the small blocks around an article that readers
// skip, of related-story blocks, and of look-alikes that are sitewide,
// sponsored or not stories at all.
const (
	debrisHints = `byline author authorby authorname authors authorinfo authorbio credit credits
		caption copyright newsletter signup subscribe subscription share sharing sharebar sharetools
		social promo apppromo appdownload shoutout ad ads adslot adunit advert advertisement sponsor
		sponsored breadcrumb breadcrumbs tags taglist updated timestamp print comments commentcount
		disclaimer rating reactions kicker eyebrow overline surtitre dachzeile rubric legend legende descr
		imgdescr bildunterschrift didascalia editor published publication publi dateline postmeta entrymeta
		articlemeta meta date dates publicidade publicidad publicite werbung anzeige reclame republish republishing donate donation membership support cta paywall`
	relatedHints = `related relatedlinks relatedarticles relatedstories relatedposts relatednews
		relatedcontent relatedcoverage morefrom moreon morestories morenews morearticles readnext
		recommended recommendations youmaylike youmayalsolike mayalsolike alsoread furtherreading seealso
		mehrzumthema lesensieauch alireaussi relacionados relacionadas correlati correlate leiatambem
		gerelateerd dossier similararticles similarposts similarstories similarnews memesujet
		surlememesujet memetheme lireaussi voiraussi articlesconnexes notasrelacionadas leermas
		vejatambem leggianche articolicorrelati verwandteartikel verwandtebeitraege weiterethemen
		leesook zieook relaterade relaterte relaterede powiazane souvisejici`
	// commentHints mark reader comments, cut whatever their length.
	commentHints = `comments commentlist commentsection disqus reacties kommentare commentaires
		comentarios comentários commenti komentarze kommentarer readercomments`
	// dekHints mark a standfirst under the headline.
	dekHints       = `standfirst dek sommario summary abstract resumen resumo chapeau`
	sponsoredHints = `taboola outbrain sponsor sponsored promoted paid partner partners advert ad ads
		adslot adunit advertisement autopromo selfpromo`
	notRelatedHints = `taboola outbrain sponsor sponsored promoted paid partner partners advert ad
		ads trending popular mostread mostviewed mostshared mostpopular mostcommented tag tags taglist
		keywords breadcrumb breadcrumbs pagination comment comments share social newsletter menu
		infinitescroll nextarticle nextpost nextstory nav navigation navbar`
	// sitewideHints mark lists of the site's most read stories, inside
	// which class names alone make no related block.
	sitewideHints = `trending popular mostread mostviewed mostshared mostpopular mostcommented`
	// barHints mark the bars of page chrome along the top of every page,
	// whose menus of stories (a portal's picks by topic) are the site's.
	barHints = `topbar navbar menubar megamenu`
	// authorHints mark the author's box (name, bio, links), whose
	// unlabelled cards are the author's other articles.
	authorHints = `byline author authorbox authorinfo authorbio authorprofile aboutauthor abouttheauthor`
)
