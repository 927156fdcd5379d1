package io.hookline.ingest.importers;

import io.hookline.model.Score;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What a Metrica EPTS metadata XML tells the importer: which team is at home ({@code idLocalTeam}) and the final
 * score, to check the goals against.
 *
 * @param finalScore null when the file gives none
 */
record MetricaMetadata(String home, String away, Score finalScore) {

    static MetricaMetadata read(Path file) throws IOException, ImportException {
        String name = file.getFileName().toString();
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A data file has no business with DTDs or external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            doc = factory.newDocumentBuilder().parse(file.toFile());
        } catch (SAXParseException e) {
            throw new ImportException(name + ":" + e.getLineNumber(), "malformed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw new ImportException(name + ":1", "cannot read the metadata XML: " + e.getMessage());
        }
        Element score = first(doc, "Score");
        if (score == null || score.getAttribute("idLocalTeam").isEmpty()) {
            throw new ImportException(name + ":1", "no <Score idLocalTeam=...>: is this Metrica's EPTS metadata?");
        }
        String home = teamName(doc, score.getAttribute("idLocalTeam"), name);
        String away = teamName(doc, score.getAttribute("idVisitingTeam"), name);
        String homeGoals = text(score, "LocalTeamScore");
        String awayGoals = text(score, "VisitingTeamScore");
        Score last = homeGoals.matches("\\d+") && awayGoals.matches("\\d+")
                ? new Score(Integer.parseInt(homeGoals), Integer.parseInt(awayGoals))
                : null;
        return new MetricaMetadata(home, away, last);
    }

    private static String teamName(Document doc, String id, String file) throws ImportException {
        NodeList teams = doc.getElementsByTagName("Team");
        for (int i = 0; i < teams.getLength(); i++) {
            Element team = (Element) teams.item(i);
            if (team.getAttribute("id").equals(id)) {
                return text(team, "Name");
            }
        }
        throw new ImportException(file + ":1", "the score names team " + id + ", which is not among its <Teams>");
    }

    private static Element first(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
