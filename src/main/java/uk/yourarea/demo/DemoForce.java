package uk.yourarea.demo;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.yourarea.event.DemoEventSeeding.NewEvent;
import uk.yourarea.event.EventType;
import uk.yourarea.priority.DemoPrioritySeeding.NewPriority;
import uk.yourarea.priority.DemoPrioritySeeding.NewUpdate;
import uk.yourarea.team.DemoTeamSeeding.NewMember;
import uk.yourarea.team.Role;

/**
 * The fictional side of the demo force. Every person here is invented: first names and
 * surnames are drawn at random from common British names, never from a real officer list.
 */
final class DemoForce {

	/** A neighbourhood of the demo force, once created. */
	record DemoNeighbourhood(long id, String code, String name) {
	}

	record Lpa(String prefix, String code, String name, String commander, String stationName, String stationAddress,
			String stationPostcode, String hubName, String hubAddress, String hubPostcode) {
	}

	/**
	 * The code prefixes of data.police.uk's neighbourhood ids follow the force's local
	 * policing areas.
	 */
	static final List<Lpa> LOCAL_POLICING_AREAS = List.of(
			new Lpa("NA", "HOW", "Harborough, Oadby and Wigston", "Dana Whitfield", "Wigston Police Station",
					"Bull Head Street, Wigston", "LE18 1PA", "Market Harborough Community Hub",
					"The Symington Building, Adam and Eve Street, Market Harborough", "LE16 7AG"),
			new Lpa("NC", "CITYC", "Leicester City Centre", "Marcus Okafor", "Leicester Central Police Station",
					"Charles Street, Leicester", "LE1 3FR", "Cultural Quarter Community Hub",
					"Rutland Street, Leicester", "LE1 1RE"),
			new Lpa("NE", "CITYE", "Leicester East", "Priya Raman", "Leicester East Police Station",
					"Keyham Lane, Leicester", "LE5 1FG", "Belgrave Community Hub", "Belgrave Road, Leicester",
					"LE4 5AT"),
			new Lpa("NH", "HB", "Hinckley and Blaby", "Gareth Lowe", "Hinckley Police Station",
					"Upper Bond Street, Hinckley", "LE10 1RS", "Blaby Community Hub", "Lutterworth Road, Blaby",
					"LE8 4DB"),
			new Lpa("NL", "CHARN", "Charnwood", "Helen Ashworth", "Loughborough Police Station",
					"Southfield Road, Loughborough", "LE11 2XF", "Syston Community Hub", "Melton Road, Syston",
					"LE7 2EQ"),
			new Lpa("NN", "NWL", "North West Leicestershire", "Tom Brannigan", "Coalville Police Station",
					"London Road, Coalville", "LE67 3JA", "Ashby Community Hub", "Market Street, Ashby de la Zouch",
					"LE65 1AP"),
			new Lpa("NR", "MR", "Melton and Rutland", "Sophie Kettering", "Melton Mowbray Police Station",
					"Leicester Road, Melton Mowbray", "LE13 0DA", "Oakham Community Hub", "Catmose Street, Oakham",
					"LE15 6HW"),
			new Lpa("NS", "CITYS", "Leicester South", "Aaron Mistry", "Leicester South Police Station",
					"Welford Road, Leicester", "LE2 7AE", "Saffron Community Hub", "Saffron Lane, Leicester",
					"LE2 6UH"),
			new Lpa("NW", "CITYW", "Leicester West", "Claire Donnelly", "Beaumont Leys Police Station",
					"Beaumont Way, Leicester", "LE4 1DS", "Braunstone Community Hub", "Hallam Crescent East, Leicester",
					"LE3 1FF"));

	private static final String[] FIRST_NAMES = { "Amelia", "Aisha", "Ben", "Callum", "Chloe", "Daniel", "Ella",
			"Farah", "George", "Hannah", "Harpreet", "Isaac", "Jade", "Jamal", "Kieran", "Laura", "Leon", "Megan",
			"Mohammed", "Nadia", "Oliver", "Olivia", "Ravi", "Rebecca", "Ryan", "Sam", "Sana", "Sophie", "Thomas",
			"Zara" };

	private static final String[] SURNAMES = { "Ahmed", "Bailey", "Barker", "Chauhan", "Clarke", "Dawson", "Evans",
			"Fletcher", "Gill", "Hart", "Holloway", "Hussain", "Jennings", "Kaur", "Lambert", "Marsh", "Moss",
			"Nicholls", "Osborne", "Parekh", "Quinn", "Reeves", "Sharma", "Stevens", "Thorpe", "Walsh", "Webb",
			"Whitmore", "Yates", "Young" };

	/** A concern; some have Welsh too (issueCy, actionCy), so the demo shows both. */
	private record Concern(String issue, String action, @Nullable String issueCy, @Nullable String actionCy) {

		Concern(String issue, String action) {
			this(issue, action, null, null);
		}

	}

	private static final Concern[] CONCERNS = {
			new Concern("Anti-social behaviour by groups of young people near the shops in the evenings",
					"Extra evening patrols on Fridays and Saturdays, and work with the youth service and shop "
							+ "owners on a dispersal plan.",
					"Ymddygiad gwrthgymdeithasol gan grwpiau o bobl ifanc ger y siopau gyda\u2019r nos",
					"Patrolau ychwanegol gyda\u2019r nos ar ddyddiau Gwener a Sadwrn, a gwaith gyda\u2019r "
							+ "gwasanaeth ieuenctid a pherchnogion siopau ar gynllun gwasgaru."),
			new Concern("Speeding vehicles on residential roads",
					"Community Speedwatch sessions with volunteers and targeted enforcement at the times "
							+ "residents told us about.",
					"Cerbydau\u2019n goryrru ar ffyrdd preswyl",
					"Sesiynau Gwylio Cyflymder Cymunedol gyda gwirfoddolwyr, a gorfodi wedi\u2019i dargedu ar yr "
							+ "adegau y soniodd trigolion amdanynt."),
			new Concern("Drug dealing reported around the park and alleyways",
					"Intelligence-led patrols and a warrant carried out; we are working with the council to "
							+ "improve lighting and cut back hedges.",
					"Delio cyffuriau o amgylch y parc a\u2019r lonydd cefn",
					"Patrolau wedi\u2019u harwain gan gudd-wybodaeth a gwarant wedi\u2019i gweithredu; rydym yn "
							+ "gweithio gyda\u2019r cyngor i wella\u2019r goleuadau a thorri gwrychoedd yn \u00f4l."),
			new Concern("Burglaries and sheds broken into",
					"Crime prevention visits to homes on affected streets and free property marking at our "
							+ "next beat surgery.",
					"Byrgleriaethau a thorri i mewn i siediau",
					"Ymweliadau atal troseddu \u00e2 chartrefi ar y strydoedd yr effeithiwyd arnynt, a marcio "
							+ "eiddo am ddim yn ein cymhorthfa nesaf."),
			new Concern("Vehicle crime: catalytic converters and items stolen from cars",
					"Plain-clothes patrols in car parks and advice letters to vehicle owners in the area."),
			new Concern("Inconsiderate and dangerous parking near schools at drop-off and pick-up",
					"Joint patrols with the council's parking officers and a school-gate campaign with pupils."),
			new Concern("Off-road motorbikes ridden on paths and open land",
					"Patrols with the rural team and seizure of bikes ridden illegally under section 59 powers."),
			new Concern("Shoplifting and abuse of shop staff",
					"A shop-watch radio scheme with retailers and named officers for each parade of shops."),
			new Concern("Street drinking and begging in the town centre",
					"Patrols with outreach workers so people get support, and enforcement of the drinking "
							+ "ban where needed."),
			new Concern("Fly-tipping and criminal damage on the estate",
					"Joint work with the council's environmental team and covert cameras at repeat sites.") };

	private static final String UPDATES_WRITTEN_BY = "Neighbourhood team";

	private static final String FIRST_UPDATE = "We agreed this priority with residents at our last public meeting.";

	private static final String FIRST_UPDATE_CY = "Cytunwyd ar y flaenoriaeth hon gyda thrigolion yn ein cyfarfod "
			+ "cyhoeddus diwethaf.";

	private DemoForce() {
	}

	static String description(String name) {
		return "The " + name + " neighbourhood team works with residents, businesses, schools and the council to "
				+ "tackle the problems that matter most locally. Come and meet us at one of our events, or get in "
				+ "touch using the details on this page.";
	}

	/**
	 * The neighbourhoods whose demo content has Welsh versions (their description, their
	 * first team member's bio): the others show the Welsh site's fallback to English.
	 */
	static final Set<String> WITH_WELSH = Set.of("Wigston", "South Wigston", "Oadby");

	/** The Welsh description of a neighbourhood with Welsh content, else null. */
	static @Nullable String welshDescription(String name) {
		if (!WITH_WELSH.contains(name)) {
			return null;
		}
		return "Mae tîm cymdogaeth " + name + " yn gweithio gyda thrigolion, busnesau, ysgolion a'r cyngor i fynd "
				+ "i'r afael â'r problemau sydd bwysicaf yn lleol. Dewch i'n cyfarfod yn un o'n digwyddiadau, neu "
				+ "cysylltwch â ni gan ddefnyddio'r manylion ar y dudalen hon.";
	}

	/** The Welsh bio of the first team member of a neighbourhood with Welsh content. */
	static String welshBio(String name) {
		return "Fi yw swyddog cymdogaeth " + name + ". Dewch i siarad â mi mewn cymhorthfa, neu anfonwch neges "
				+ "ataf drwy'r dudalen hon.";
	}

	/**
	 * The Welsh name of a demo station that has one ("Gorsaf Heddlu Wigston"), else null.
	 */
	static @Nullable String welshStationName(String name) {
		return name.endsWith(" Police Station") && name.startsWith("Wigston")
				? "Gorsaf Heddlu " + name.substring(0, name.length() - " Police Station".length()) : null;
	}

	/** Two to six team members: a PC or PCSO first, then the rest, and a sergeant. */
	static List<NewMember> team(DemoNeighbourhood neighbourhood, Random random) {
		int size = 2 + random.nextInt(5);
		Set<String> names = new LinkedHashSet<>();
		while (names.size() < size) {
			names
				.add(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)]);
		}
		List<NewMember> members = new ArrayList<>();
		int order = 0;
		for (String name : names) {
			Role role;
			if (order == 0) {
				role = random.nextBoolean() ? Role.PC : Role.PCSO;
			}
			else if (order == size - 1) {
				role = Role.SERGEANT;
			}
			else {
				role = (order % 2 == 0) ? Role.PC : Role.PCSO;
			}
			String collar = String.valueOf((role == Role.PCSO ? 6000 : 1000) + random.nextInt(3000));
			String area = neighbourhood.name();
			String bio = switch (role) {
				case PC -> "I have been a police officer for " + (2 + random.nextInt(15)) + " years and know " + area
						+ " well. Come and talk to me at a beat surgery.";
				case PCSO ->
					"I patrol " + area + " on foot most days. Stop me for a chat about anything that worries you.";
				case SERGEANT -> "I lead the neighbourhood teams in this part of the force.";
				default -> null;
			};
			members.add(new NewMember(name, role, collar, bio));
			order++;
		}
		return members;
	}

	/**
	 * One to three open priorities; about one in five has not been updated for over three
	 * months.
	 */
	static List<NewPriority> priorities(LocalDate today, Random random) {
		int count = 1 + random.nextInt(3);
		int first = random.nextInt(CONCERNS.length);
		List<NewPriority> priorities = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Concern concern = CONCERNS[(first + i * 3) % CONCERNS.length];
			boolean stale = random.nextInt(5) == 0;
			LocalDate raised = today.minusDays(stale ? 150 + random.nextInt(120) : 30 + random.nextInt(120));
			LocalDate updated = stale ? raised.plusDays(10 + random.nextInt(20))
					: today.minusDays(random.nextInt(Math.max(1, (int) (today.toEpochDay() - raised.toEpochDay()))));
			priorities.add(new NewPriority(concern.issue(), concern.issueCy(), raised,
					List.of(new NewUpdate(raised, FIRST_UPDATE, FIRST_UPDATE_CY, UPDATES_WRITTEN_BY),
							new NewUpdate(updated.isBefore(raised) ? raised : updated, concern.action(),
									concern.actionCy(), UPDATES_WRITTEN_BY))));
		}
		return priorities;
	}

	/**
	 * One to three events in the coming weeks, in the early evening or on a weekend
	 * morning.
	 */
	static List<NewEvent> events(DemoNeighbourhood neighbourhood, ZonedDateTime todayMidnight, Random random) {
		int count = 1 + random.nextInt(3);
		List<NewEvent> events = new ArrayList<>();
		EventType[] types = { EventType.BEAT_SURGERY, EventType.PUBLIC_MEETING, EventType.PATCH_WALK };
		for (int i = 0; i < count; i++) {
			EventType type = types[(i + random.nextInt(3)) % types.length];
			ZonedDateTime day = todayMidnight.plusDays(3 + i * 9 + random.nextInt(7));
			ZonedDateTime start = (type == EventType.PATCH_WALK) ? day.withHour(10) : day.withHour(18).withMinute(30);
			ZonedDateTime end = start.plusMinutes(type == EventType.PUBLIC_MEETING ? 90 : 60);
			String place = neighbourhood.name();
			String title = switch (type) {
				case BEAT_SURGERY -> "Beat surgery: meet your local officers";
				case PUBLIC_MEETING -> place + " community meeting";
				case PATCH_WALK -> "Patch walk with the " + place + " team";
				default -> "Community event";
			};
			String description = switch (type) {
				case BEAT_SURGERY ->
					"Drop in to raise a concern or ask for crime prevention advice. No appointment needed.";
				case PUBLIC_MEETING ->
					"Hear what we have done about local priorities and have your say on what we should focus on next.";
				case PATCH_WALK ->
					"Walk the area with us and show us the places that worry you. Meet at the address below.";
				default -> null;
			};
			// Welsh for some, so that the demo's Welsh pages show Welsh and the English
			// beside it.
			String titleCy = switch (type) {
				case BEAT_SURGERY -> "Cymhorthfa: dewch i gwrdd \u00e2\u2019ch swyddogion lleol";
				case PATCH_WALK -> "Taith gerdded gyda th\u00eem " + place;
				default -> null;
			};
			String descriptionCy = switch (type) {
				case BEAT_SURGERY ->
					"Galwch heibio i godi pryder neu i ofyn am gyngor ar atal troseddu. " + "Does dim angen apwyntiad.";
				case PATCH_WALK -> "Cerddwch yr ardal gyda ni a dangoswch i ni\u2019r mannau sy\u2019n eich poeni. "
						+ "Cwrdd yn y cyfeiriad isod.";
				default -> null;
			};
			String address = switch (type) {
				case PATCH_WALK -> "Meet outside the library, " + place;
				default -> "Community centre, " + place;
			};
			events.add(new NewEvent(neighbourhood.id(), title, type, description, address, start.toInstant(),
					end.toInstant(), todayMidnight.toInstant(), titleCy, descriptionCy));
		}
		return events;
	}

}
