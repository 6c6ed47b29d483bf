package uk.yourarea.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The demo's residents' messages and what became of them, written through the message's
 * own methods at times counted back from now, so that deadlines, first replies,
 * escalations and the history agree with each other whatever day the demo starts and
 * whichever response policy is set. Every person, address and word here is invented; the
 * email addresses are at example.org and example.com.
 * <p>
 * Wigston and Oadby, whose officers have demo accounts, get enough messages in the last
 * 90 days for their response records to show a figure; a few other neighbourhoods, in the
 * sergeant's area and elsewhere, get a few each.
 */
final class DemoMessageScript {

	/** Every demo message's idempotency key starts with this. */
	static final String KEY_PREFIX = "demo-message-";

	/** A member of staff who deals with messages. */
	record Staff(long id, String name) {
	}

	/**
	 * A neighbourhood and who deals with its messages: the officer answers them (a
	 * supervisor where no officer has an account), the supervisor assigns them.
	 */
	record Team(long neighbourhoodId, Staff officer, Staff supervisor) {
	}

	/** How soon after a deadline the escalation job, which runs every minute, acts. */
	private static final Duration ESCALATION_DELAY = Duration.ofMinutes(1);

	/** How far a message due "soon" or "overdue" is kept from now, either side. */
	private static final Duration MARGIN = Duration.ofHours(1);

	private static final Duration SEARCH_STEP = Duration.ofMinutes(10);

	private static final Duration SEARCH_LIMIT = Duration.ofDays(21);

	private final Instant now;

	private final ResponseDeadline deadline;

	private final Function<String, Optional<Team>> teams;

	private final List<ContactMessage> written = new ArrayList<>();

	private final Set<String> references = new HashSet<>();

	private DemoMessageScript(Instant now, ResponseDeadline deadline, Function<String, Optional<Team>> teams) {
		this.now = now;
		this.deadline = deadline;
		this.teams = teams;
	}

	/**
	 * The demo messages as of {@code now}, for the neighbourhoods (by code) that
	 * {@code teams} knows; not yet saved.
	 */
	static List<ContactMessage> write(Instant now, ResponseDeadline deadline, Function<String, Optional<Team>> teams) {
		DemoMessageScript script = new DemoMessageScript(now, deadline, teams);
		script.in("NA54", script::wigston);
		script.in("NA55", script::oadby);
		script.in("NA53", script::southWigston);
		script.in("NA42", script::harboroughAndTheBowdens);
		script.in("NA40", script::lutterworth);
		script.in("NL62", script::loughboroughCentral);
		script.in("NR35", script::oakham);
		script.in("NC04", script::cityCentre);
		script.escalateWhatTheJobWouldHave();
		return List.copyOf(script.written);
	}

	private void wigston(Team team) {
		message(team, ago(minutes(40)), resident("Helen Cartwright", "helen.cartwright@example.com"),
				Topic.ANTI_SOCIAL_BEHAVIOUR, "Horsewell Lane recreation ground",
				"For the last week a group of teenagers has been climbing onto the roof of the pavilion on the "
						+ "Horsewell Lane recreation ground after school and throwing stones at the cars in the car park. "
						+ "My neighbour's windscreen was cracked on Tuesday. I don't want anyone to get into trouble, I "
						+ "just want it to stop before somebody falls or gets hurt.");
		message(team, ago(hours(3)), resident("Graham Pickering", "g.pickering@example.org"), Topic.GENERAL_ENQUIRY,
				null,
				"When is the next beat surgery in Wigston? I work shifts and can never make the Saturday morning ones "
						+ "at the library. Is there ever one in the evening, or could I speak to an officer some other "
						+ "way about the cars being broken into near the Co-op?")
			.after(hours(2))
			.viewed();
		message(team, dueBetween(hours(7), hours(9)), resident("Priya Mistry", "priya.mistry@example.com"),
				Topic.SPEEDING_AND_ROADS, "Paddock Street, outside the primary school",
				"Every afternoon at pick-up time cars park on both pavements and on the zig-zag lines outside the "
						+ "school on Paddock Street. Yesterday a mum with a double buggy had to walk in the road. Could "
						+ "an officer come down one afternoon around 3pm? A few words from the police would make a real "
						+ "difference.")
			.after(hours(4))
			.viewed()
			.after(minutes(20))
			.holdingReply("Thank you for telling us. We know how busy Paddock Street gets at home time. We are "
					+ "checking our shifts so that an officer can be outside the school one afternoon next week, and "
					+ "we will write again once that is arranged.")
			.after(hours(1))
			.note("Asked the school to remind parents about the zig-zags in Friday's newsletter as well.");
		message(team, dueBetween(hours(17), hours(19)), resident("Daniel Okoro", "d.okoro@example.org"), Topic.OTHER,
				"Leicester Road, the flats above the shops",
				"The flat above the takeaway on Leicester Road has had loud music and shouting until 2 or 3am four "
						+ "nights this week. I knocked on the door once and got a mouthful of abuse, so I won't do that "
						+ "again. My children keep being woken up. Is this something the police can help with, or "
						+ "should I go to the council?")
			.after(hours(5))
			.assigned()
			.after(hours(2))
			.viewed();
		message(team, dueBetween(hours(-16), hours(-12)),
				residentByPhone("Michael Barnes", "mbarnes@example.com", "07700 900418"), Topic.DRUGS,
				"Car park behind Bull Head Street",
				"Most evenings between 8 and 10 a grey hatchback parks in the car park behind Bull Head Street and "
						+ "people walk up to it, hand something over and leave a minute later. It's always the same "
						+ "car. I'd rather my neighbours didn't know I've contacted you, but I'm happy to talk to an "
						+ "officer on the phone. Please don't come to the house.")
			.after(hours(6))
			.viewed()
			.after(minutes(10))
			.note("Part of the registration is known. Passed to the intelligence team. He wants a phone call, not a "
					+ "visit.")
			.escalated()
			.after(minutes(40))
			.supervisorNote("Escalated. Please ring Mr Barnes today and record the call here.");
		message(team, ago(days(6)), resident("Karen Whitby", "karen.whitby@example.com"), Topic.SPEEDING_AND_ROADS,
				"Newton Lane",
				"Cars and motorbikes race each other along Newton Lane late at night, sometimes at what must be 70 or "
						+ "80 miles an hour. It's a 30 limit with houses on both sides. Someone is going to be killed.")
			.after(hours(3))
			.viewed()
			.after(hours(27))
			.answered("Thank you for your message. Newton Lane is already on our list for speed checks, and we have "
					+ "asked the Community Speedwatch volunteers to add it to their rota this month. We have also "
					+ "shared your message with the roads policing unit.")
			.after(hours(84))
			.notSatisfied()
			.after(minutes(6))
			.wroteBack("The Speedwatch volunteers came on a Tuesday afternoon, when it's quiet. The racing happens "
					+ "after 10pm, mostly on Friday and Saturday nights. Could someone come out then?")
			.after(hours(2))
			.viewed();
		message(team, ago(days(2)), resident("Joan Fairbrother", "joan.fairbrother@example.org"), Topic.GENERAL_ENQUIRY,
				null,
				"Is the police surgery at Wigston library still on this Saturday? It was on your page but my friend "
						+ "said it had been cancelled. I'd like to come and ask about the bench outside the church that "
						+ "keeps getting damaged.")
			.after(hours(5))
			.viewed()
			.after(minutes(10))
			.answered("Yes, it is still on: this Saturday from 10am to 12 noon at Wigston library, and there is no "
					+ "need to book. Bring photos of the damage to the bench if you have any. If anything changes we "
					+ "will say so on the Wigston page first.");
		message(team, ago(days(4)), resident("Tom Ashby", "tom.ashby@example.com"), Topic.THEFT_OR_BURGLARY,
				"Bike racks outside the leisure centre, Station Road",
				"My son's bike was taken from the racks outside the leisure centre on Station Road on Sunday "
						+ "afternoon. It was locked. Is it worth reporting? We don't have the frame number.")
			.after(hours(20))
			.viewed()
			.after(minutes(15))
			.answered("I'm sorry to hear about your son's bike. Yes, please report it, online or on 101, even "
					+ "without the frame number: a description and a photo help, and every report tells us where to "
					+ "patrol. Three bikes have gone from those racks this month, so we are talking to the leisure "
					+ "centre about their camera. Once you have a crime number, reply here with it and we will link "
					+ "it to the others.");
		message(team, ago(days(12)), resident("Ruth Hammond", "ruth.hammond@example.org"), Topic.OTHER, "Bell Street",
				"I just wanted to say thank you to the two officers who stopped to help my dad when he fell outside "
						+ "the bakery on Bell Street on Thursday morning. They waited with him until the ambulance came "
						+ "and even rang me at work. He's home now and doing well. Please pass on our thanks.")
			.after(hours(4))
			.viewed()
			.after(minutes(5))
			.answered("Thank you for taking the time to write, and we are so glad your dad is home and recovering. "
					+ "We have passed your message on to both officers.")
			.after(days(1))
			.satisfied()
			.after(hours(2))
			.closed("Thanks passed on to the two officers and their sergeant.");
		message(team, ago(days(25)), resident("Lee Sanderson", "lee.sanderson@example.com"),
				Topic.ANTI_SOCIAL_BEHAVIOUR, "Peace Memorial Park",
				"Young people on e-scooters are riding at speed along the paths in Peace Memorial Park, where there "
						+ "are toddlers and older people walking. One nearly hit my mum last Sunday. Are private "
						+ "e-scooters even allowed there?")
			.after(hours(37))
			.viewed()
			.after(minutes(40))
			.answered("Private e-scooters are not allowed on public paths or roads; they may only be ridden on "
					+ "private land with the owner's permission. We have added the park to our weekend patrols and "
					+ "will speak to riders, and we will seize the scooters of anyone who carries on after a warning. "
					+ "The council is also putting up signs at the entrances.")
			.after(days(1))
			.satisfied()
			.after(days(3))
			.closed("Weekend patrols in the park; two riders warned. No further reports.");
		message(team, ago(days(40)), resident("Sandra Pell", "s.pell@example.org"), Topic.THEFT_OR_BURGLARY,
				"Moat Street",
				"Someone broke into my car on Moat Street overnight and took my work laptop bag. I've reported it and "
						+ "have a crime number. Is anyone looking at the doorbell cameras on the street? Two of my "
						+ "neighbours have them.")
			.after(hours(1))
			.viewed()
			.after(hours(2))
			.holdingReply("Thank you, we have your message and the crime number. We are checking whether the "
					+ "investigating officer has already asked for the doorbell footage and will come back to you.")
			.escalated()
			.after(hours(5))
			.answered("We are sorry this took longer than it should have. The investigating officer has now "
					+ "collected the footage from both doorbell cameras on Moat Street and it is being looked at. They "
					+ "will contact you directly about the crime report.")
			.after(days(2))
			.closed("Doorbell footage collected by the investigating officer; resident told.");
		message(team, ago(days(55)), resident("Fiona Drake", "fiona.drake@example.com"), Topic.SPEEDING_AND_ROADS,
				"Aylestone Lane",
				"Could you do some speed checks on Aylestone Lane? Since the roadworks started on the main road, "
						+ "lorries and vans use it as a rat run first thing in the morning and most of them are well "
						+ "over 30.")
			.after(hours(10))
			.holdingReply("Thank you. We are asking the roads policing unit when they can bring the camera van to "
					+ "Aylestone Lane, and will let you know.")
			.after(hours(40))
			.answered("The camera van will be on Aylestone Lane on three mornings over the next fortnight, between 7 "
					+ "and 9am. We have also asked the council whether a temporary weight limit can go in while the "
					+ "roadworks last.")
			.after(days(2))
			.satisfied()
			.after(days(14))
			.closed("Three speed enforcement sessions; 23 drivers caught speeding. The roadworks have finished.");
		message(team, ago(days(70)), business("Nisha Parmar", "parmar.pharmacy@example.com"), Topic.THEFT_OR_BURGLARY,
				"Leicester Road",
				"The same man has shoplifted from our pharmacy on Leicester Road three times this month, mostly "
						+ "toiletries and baby milk. We report it on 101 each time and we have good CCTV. Is there "
						+ "anything else we can do? My staff are getting nervous.")
			.after(hours(8))
			.answered("Thank you for reporting each one; that really helps. Please keep the CCTV of all three "
					+ "thefts: an officer will collect it this week. We will also call in to talk about where to "
					+ "put the items that are stolen most, and about joining the shop watch radio scheme.")
			.after(days(1))
			.viewed()
			.after(days(6))
			.closed("CCTV collected; a man has been charged. The pharmacy has joined the shop watch scheme.");
		message(team, ago(days(84)), resident("Anthony Reid", "a.reid@example.org"), Topic.OTHER, "Kelmarsh Avenue",
				"A car has been parked on Kelmarsh Avenue for over a month with two flat tyres and no tax. Who do I "
						+ "tell?")
			.after(hours(26))
			.answered("Thank you. An untaxed car is one for the DVLA, and an abandoned one for the council: we have "
					+ "reported it to both for you. If it blocks anyone's way or looks as if it might be stolen, let "
					+ "us know and we will check it.")
			.after(hours(30))
			.satisfied()
			.after(days(1))
			.closed("Reported to the DVLA and the council, who removed the car.");
		message(team, ago(days(120)), resident("Margaret Oyelaran", "m.oyelaran@example.com"), Topic.GENERAL_ENQUIRY,
				"Long Street",
				"Is there a Neighbourhood Watch scheme around Long Street? I'd like to join one, or start one if "
						+ "there isn't.")
			.after(hours(20))
			.answered("There is a scheme covering the north end of Long Street; we have passed your details to its "
					+ "coordinator, who will be in touch. If you would like to start one for your own road, the "
					+ "Neighbourhood Watch website explains how, and we will help.")
			.after(days(2))
			.closed("Put in touch with the local Neighbourhood Watch coordinator.");
	}

	private void oadby(Team team) {
		message(team, ago(minutes(15)), resident("Gary Whitehouse", "gary.whitehouse@example.com"),
				Topic.THEFT_OR_BURGLARY, "Uplands Road",
				"Someone cut the catalytic converter off my car on the drive overnight. I heard what sounded like an "
						+ "angle grinder at about 3am but thought it was a neighbour. Have there been others round "
						+ "here? I've got a crime number from 101.");
		message(team, ago(hours(5)), business("Marco Bellini", "bellinis.cafe@example.com"),
				Topic.ANTI_SOCIAL_BEHAVIOUR, "The Parade",
				"We run a café on The Parade. After school a group of about eight young people come in, empty the "
						+ "sugar sachets, throw things at each other and swear at my staff. Yesterday they knocked over "
						+ "a display. I don't want to ban every teenager. What can we do?");
		message(team, dueBetween(hours(4), hours(5)), resident("Rosemary Dunn", "rosemary.dunn@example.org"),
				Topic.GENERAL_ENQUIRY, null,
				"I'm the secretary of the Brabazon Road residents' association. We meet on the last Thursday of the "
						+ "month at 7pm in the church hall. Could someone from the neighbourhood team come to a meeting "
						+ "and talk about the recent burglaries? Ten minutes would be plenty.")
			.after(hours(7))
			.viewed()
			.after(hours(20))
			.assigned()
			.after(minutes(5))
			.note("Checking who is on late shifts that Thursday.");
		message(team, dueBetween(hours(-30), hours(-26)), resident("Kevin Tranter", "k.tranter@example.com"),
				Topic.ANTI_SOCIAL_BEHAVIOUR, "Bus shelter on Harborough Road",
				"Three nights in a row there have been fireworks let off at the bus shelter on Harborough Road around "
						+ "10pm, aimed at passing cars. One landed in my front garden. It's terrifying for my dog and "
						+ "I'm worried someone will be hurt.")
			.after(hours(3))
			.viewed()
			.after(hours(1))
			.holdingReply("Thank you for letting us know, and we are sorry it has been so frightening. We are "
					+ "working out when we can patrol Harborough Road in the evenings and will reply in full soon.")
			.escalated()
			.after(hours(2))
			.supervisorNote("Escalated with only a holding reply. Please give Mr Tranter a full reply with the patrol "
					+ "plan today.");
		message(team, ago(days(5)), resident("Heather Cole", "heather.cole@example.org"), Topic.SPEEDING_AND_ROADS,
				"Launde Road",
				"Vans from the building site keep parking on the grass verge and the pavement on Launde Road, so "
						+ "anyone in a wheelchair or with a pram has to go into the road. It's been going on for weeks.")
			.after(hours(22))
			.viewed()
			.after(minutes(10))
			.answered("Thank you. Parking on verges is a matter for the council's parking team, so we have passed "
					+ "your message to Oadby and Wigston Borough Council, who can issue tickets there.")
			.after(hours(60))
			.notSatisfied()
			.after(minutes(4))
			.wroteBack("The council say vans blocking the whole pavement are an obstruction and a police matter. "
					+ "Please could someone actually come and look? It's worst between 8 and 9am.");
		message(team, ago(days(3)), resident("Liam Hollis", "liam.hollis@example.com"), Topic.OTHER,
				"Brocks Hill Country Park car park",
				"Motorbikes and cars meet in the Brocks Hill car park late at night, revving engines and doing "
						+ "doughnuts until the early hours. We live just across the road. It's been most weekends since "
						+ "the summer.")
			.after(hours(30))
			.viewed()
			.after(minutes(5))
			.answered("Thank you. We know about the meets at Brocks Hill and have been working with the council, who "
					+ "are fitting a barrier to close the car park from 9pm. Until it is in, we will patrol there on "
					+ "Friday and Saturday nights and seize vehicles driven anti-socially. If it happens again, "
					+ "please call 101 at the time so that we can send someone.");
		message(team, ago(days(9)), resident("Edward Lim", "edward.lim@example.org"), Topic.GENERAL_ENQUIRY, null,
				"I saw on your page that you're doing bike and property marking at the library. Is it free, and do I "
						+ "need to bring anything?")
			.after(hours(4))
			.answered("Yes, it is free. Bring your bike and anything else you would like marked, and something with "
					+ "your address on it. We are there from 10am to 2pm.")
			.after(days(1))
			.satisfied()
			.after(hours(3))
			.closed("Question answered.");
		message(team, ago(days(18)), resident("Olivia Grant", "olivia.grant@example.com"), Topic.ANTI_SOCIAL_BEHAVIOUR,
				"Underpass by the Coombe Park shops",
				"Someone has sprayed graffiti on the underpass by the Coombe Park shops, and some of it is racist. "
						+ "My children walk through there to school.")
			.after(hours(6))
			.answered("Thank you for telling us. We treat racist graffiti as a hate incident and have recorded it "
					+ "as one, and the council's graffiti team removed it this morning. If you see any more, please "
					+ "report it on 101 or online, with a photo if it is safe to take one.")
			.after(days(2))
			.closed("Recorded as a hate incident; the council removed the graffiti within a day.");
		message(team, ago(days(27)), residentByPhone("Patricia Lowe", "patricia.lowe@example.org", "07700 900562"),
				Topic.GENERAL_ENQUIRY, "Glen Road",
				"Two men knocked on my mother's door on Glen Road saying her roof needed urgent repairs and asking for "
						+ "£2,000 in cash up front. She sent them away but they said they'd be back. Is this a scam?")
			.after(hours(5))
			.answered("Thank you for telling us. This is a common doorstep scam, and your mother did exactly the "
					+ "right thing. We have told Trading Standards, and an officer will call round with a 'No cold "
					+ "callers' sticker. If the men come back, she should call 999 while they are there.")
			.after(days(1))
			.note("Crime prevention visit done; sticker and advice leaflet left.")
			.after(days(1))
			.closed("Passed to Trading Standards; crime prevention visit made.");
		message(team, ago(days(45)), resident("Stephen Ward", "stephen.ward@example.com"), Topic.SPEEDING_AND_ROADS,
				"Stoughton Road, near the Gartree Road junction",
				"Drivers come off Gartree Road and put their foot down along Stoughton Road. There's a blind bend by "
						+ "the bus stop and I've seen two near misses this month.")
			.after(hours(70))
			.answered("Thank you. We have asked the council's road safety team to look at the bend, and our officers "
					+ "will carry out speed checks on Stoughton Road at the times you describe.")
			.after(days(5))
			.closed("Speed checks carried out; road safety team reviewing the bend.");
		message(team, ago(days(60)), resident("Amira Haddad", "amira.haddad@example.org"), Topic.DRUGS, "Off Glen Road",
				"Every evening there's a strong smell of cannabis from the house behind ours, coming in through our "
						+ "windows. People come and go at all hours.")
			.after(hours(20))
			.answered("Thank you. We have recorded what you told us and it will help us decide what to do next. We "
					+ "cannot tell you what action we take, but please keep telling us, here or on 101, when you "
					+ "notice visitors at odd hours.")
			.after(days(4))
			.closed("Intelligence submitted; the address has been visited.");
		message(team, ago(days(80)), resident("Bernard Osei", "b.osei@example.com"), Topic.GENERAL_ENQUIRY,
				"London Road",
				"I found a wallet with cards and a driving licence in it on London Road. Where can I hand it in? Is "
						+ "there a front counter in Oadby?")
			.after(hours(2))
			.answered("Thank you for being so honest. There is no front counter in Oadby: please take it to Wigston "
					+ "police station on Bull Head Street, or reply here and an officer will collect it from you.")
			.after(days(1))
			.closed("Wallet handed in at Wigston and returned to its owner.");
	}

	private void southWigston(Team team) {
		message(team, dueBetween(hours(12), hours(14)), resident("Jason Rowe", "jason.rowe@example.com"),
				Topic.THEFT_OR_BURGLARY, "Blaby Road",
				"My doorbell camera caught a man in a dark hoodie trying the door handles of every car along our part "
						+ "of Blaby Road at about 4am on Monday. I have the video. Do you want it?")
			.after(hours(20))
			.viewed();
		message(team, ago(hours(36)), resident("Bev Thornton", "bev.thornton@example.org"), Topic.SPEEDING_AND_ROADS,
				"Countesthorpe Road",
				"Is there any chance of a Community Speedwatch group for Countesthorpe Road? Several of us would "
						+ "volunteer.")
			.after(hours(6))
			.answered("That is great to hear. Speedwatch groups are run by volunteers with our support: we have sent "
					+ "your details to our Speedwatch coordinator, who will be in touch about training and equipment. "
					+ "A group needs at least three volunteers to start.");
		message(team, ago(days(20)), resident("Arjun Patel", "arjun.patel@example.com"), Topic.GENERAL_ENQUIRY, null,
				"Are there any crime prevention events coming up in South Wigston? My elderly neighbours would like "
						+ "advice about door locks.")
			.after(hours(28))
			.answered("Yes: we are holding a crime prevention morning at the South Wigston community centre next "
					+ "month, with free door chains and advice. The date is on the events list on our page.")
			.after(days(1))
			.satisfied()
			.after(hours(1))
			.closed("Told about the crime prevention morning.");
	}

	private void harboroughAndTheBowdens(Team team) {
		message(team, dueBetween(hours(-8), hours(-5)),
				residentByPhone("Richard Marriott", "r.marriott@example.org", "07700 900731"), Topic.OTHER,
				"Fields off Welham Road, Great Bowden",
				"For the second weekend running there have been men with lurchers on our fields off Welham Road at "
						+ "first light, chasing hares. When I went over they drove off in a white pickup. I farm here "
						+ "and I'm worried about the sheep, and about what happens if I challenge them.")
			.after(hours(2))
			.viewed()
			.escalated();
		message(team, ago(hours(2)), resident("Sue Catterall", "sue.catterall@example.com"), Topic.SPEEDING_AND_ROADS,
				"St Mary's Road, Market Harborough",
				"On market days cars park on the double yellow lines on St Mary's Road right up to the crossing, so "
						+ "children can't see the traffic coming. Can anything be done?");
		message(team, ago(days(30)), business("Alison Keane", "alison.keane@example.org"), Topic.GENERAL_ENQUIRY, null,
				"Thank you to the officer who came to talk to our Year 9 students about staying safe online. They "
						+ "were still talking about it at lunchtime. Could we book the same talk for Year 8 next term?")
			.after(hours(9))
			.answered("Thank you, we are glad it went down well. Yes: we have pencilled in a visit for Year 8 in the "
					+ "second week of next term and will confirm the date with the school office.")
			.after(days(1))
			.satisfied()
			.after(days(1))
			.closed("Year 8 talk booked for next term.");
	}

	private void lutterworth(Team team) {
		message(team, ago(days(8)), resident("Peter Godfrey", "peter.godfrey@example.com"), Topic.SPEEDING_AND_ROADS,
				"High Street, Lutterworth",
				"Lorries are still coming along the High Street even though there's a weight limit, because their "
						+ "satnavs send them this way from the motorway. The old buildings shake and the pavements are "
						+ "narrow.")
			.after(hours(40))
			.answered("Thank you. The weight limit is enforced with the county council's trading standards team, and "
					+ "we have passed your message to them with the times you describe.")
			.after(hours(96))
			.notSatisfied()
			.after(minutes(3))
			.wroteBack("Passing it on isn't enough. Could an officer stop a few of the lorries? It happens every "
					+ "morning from 6am.");
		message(team, ago(days(50)), resident("Janet Hurst", "janet.hurst@example.org"), Topic.THEFT_OR_BURGLARY,
				"Allotments off Coventry Road",
				"Thank you for getting my ride-on mower back after it was taken from the allotment shed. I never "
						+ "thought I'd see it again.")
			.after(hours(15))
			.answered("That is very kind of you. It was found thanks to the tracker you had fitted, so well done for "
					+ "that.")
			.after(hours(3))
			.closed("Thanks passed on.");
	}

	private void loughboroughCentral(Team team) {
		message(team, dueBetween(hours(-44), hours(-40)), resident("Grace Whitfield", "grace.whitfield@example.com"),
				Topic.OTHER, "Storer Road",
				"The student house next door on Storer Road has had parties until 4am every weekend since term "
						+ "started. Last Saturday there were people on the roof. I've complained to the university and "
						+ "the landlord and nothing has changed.")
			.after(hours(10))
			.viewed()
			.after(minutes(5))
			.note("The university's community liaison officer has two earlier complaints on record.")
			.escalated();
		message(team, ago(hours(30)), resident("Hamid Qureshi", "hamid.qureshi@example.org"), Topic.GENERAL_ENQUIRY,
				null,
				"Is the police stall still at Loughborough market on Thursday? I want to ask about marking my work "
						+ "tools.")
			.after(hours(3))
			.answered("Yes, we will be at the market on Thursday from 9am to 1pm with a property marking kit. Bring "
					+ "the tools with you if you can.");
	}

	private void oakham(Team team) {
		message(team, ago(hours(6)), resident("Philippa Wren", "philippa.wren@example.com"), Topic.OTHER,
				"Lay-by on Burley Road",
				"Someone keeps fly-tipping in the lay-by on Burley Road. This morning there were builders' bags full "
						+ "of rubble and an old sofa. Is this for you or for the council?");
		message(team, ago(days(14)), resident("Colin Hayes", "colin.hayes@example.org"), Topic.OTHER, null,
				"Thank you to the officers who found my father, who has dementia, when he went missing on Sunday "
						+ "evening. We were so frightened, and they were so kind to him.")
			.after(hours(7))
			.answered("Thank you for your message. We are very glad your father is safe, and we have passed on your "
					+ "thanks. You might like to look at the Herbert Protocol form on the force website, which helps "
					+ "us find someone quickly if it happens again.")
			.after(days(1))
			.satisfied()
			.after(hours(4))
			.closed("Thanks passed on; Herbert Protocol suggested.");
	}

	private void cityCentre(Team team) {
		message(team, dueBetween(hours(21), hours(23)), resident("Jessica Amponsah", "j.amponsah@example.com"),
				Topic.ANTI_SOCIAL_BEHAVIOUR, "Jubilee Square",
				"Groups drinking in Jubilee Square during the day are leaving broken bottles around the children's "
						+ "fountain, and people get shouted at as they walk past. Is there an alcohol ban there?")
			.after(hours(3))
			.viewed();
		message(team, ago(days(35)), business("Dev Chauhan", "dev.chauhan@example.com"), Topic.THEFT_OR_BURGLARY,
				"High Street",
				"We have shoplifting almost every day at our phone accessories shop on the High Street. Can we join "
						+ "the business crime reduction partnership, and who do I contact?")
			.after(hours(20))
			.answered("Yes, you can. We have passed your details to the partnership's coordinator, who will contact "
					+ "you about the radio scheme and the shared list of banned offenders. Please keep reporting "
					+ "each theft, too.")
			.after(days(3))
			.closed("Put in touch with the business crime reduction partnership.");
	}

	/** A message and what happens to it next, step by step, each at a later moment. */
	final class Conversation {

		private final ContactMessage message;

		private final Team team;

		private Instant at;

		private Conversation(ContactMessage message, Team team, Instant at) {
			this.message = message;
			this.team = team;
			this.at = at;
		}

		Conversation after(Duration wait) {
			this.at = this.at.plus(wait);
			requirePast();
			return this;
		}

		Conversation viewed() {
			this.message.viewedBy(this.team.officer().id(), this.at);
			return this;
		}

		Conversation note(String text) {
			this.message.note(this.team.officer().id(), text, this.at);
			return this;
		}

		Conversation supervisorNote(String text) {
			this.message.note(this.team.supervisor().id(), text, this.at);
			return this;
		}

		/** The supervisor gives the message to the officer. */
		Conversation assigned() {
			this.message.assignTo(this.team.officer().id(), this.team.officer().name(), this.team.supervisor().id(),
					this.at);
			return this;
		}

		Conversation holdingReply(String text) {
			this.message.reply(this.team.officer().id(), text, false, this.at);
			return this;
		}

		Conversation answered(String text) {
			this.message.reply(this.team.officer().id(), text, true, this.at);
			return this;
		}

		Conversation satisfied() {
			this.message.residentAnswered(true, this.at, DemoMessageScript.this.deadline.from(this.at));
			return this;
		}

		Conversation notSatisfied() {
			this.message.residentAnswered(false, this.at, DemoMessageScript.this.deadline.from(this.at));
			return this;
		}

		Conversation wroteBack(String text) {
			this.message.residentReplied(text, this.at, DemoMessageScript.this.deadline.from(this.at));
			return this;
		}

		/** Escalated as the job would have, a minute after the deadline. */
		Conversation escalated() {
			Instant when = this.message.getDueAt().plus(ESCALATION_DELAY);
			if (when.isBefore(this.at)) {
				throw new IllegalStateException(
						"Demo message from " + this.message.getSenderName() + ": escalated before its previous step");
			}
			this.at = when;
			requirePast();
			this.message.escalate(this.at);
			return this;
		}

		Conversation closed(String outcome) {
			this.message.close(this.team.officer().id(), outcome, this.at);
			return this;
		}

		private void requirePast() {
			if (this.at.isAfter(DemoMessageScript.this.now)) {
				throw new IllegalStateException(
						"Demo message from " + this.message.getSenderName() + ": a step would be in the future");
			}
		}

	}

	/**
	 * Any message left overdue and not escalated (a shorter response time than the script
	 * expects, say) is escalated a minute after its deadline, as the job would have done,
	 * so that the job finds nothing to do on the demo's messages.
	 */
	private void escalateWhatTheJobWouldHave() {
		for (ContactMessage message : this.written) {
			if (message.isOverdue(this.now) && message.getEscalatedAt() == null) {
				Instant when = message.getDueAt().plus(ESCALATION_DELAY);
				message.escalate(when.isAfter(this.now) ? this.now : when);
			}
		}
	}

	private void in(String neighbourhoodCode, Consumer<Team> messages) {
		this.teams.apply(neighbourhoodCode).ifPresent(messages);
	}

	private Conversation message(Team team, Instant received, ContactMessage.Sender sender, Topic topic,
			@Nullable String location, String body) {
		ContactMessage message = new ContactMessage(newReference(), team.neighbourhoodId(), sender, topic, body,
				location, received, this.deadline.from(received),
				KEY_PREFIX + UUID.randomUUID().toString().replace("-", ""));
		this.written.add(message);
		return new Conversation(message, team, received);
	}

	private Instant ago(Duration duration) {
		return this.now.minus(duration);
	}

	/**
	 * When a message must have arrived to be due between {@code from} and {@code to} from
	 * now (negative: overdue by then). Where the response policy allows no such time
	 * (with working days, nothing falls due at a weekend), the nearest one on the same
	 * side of now: an overdue message stays overdue, one still to answer stays to answer.
	 */
	private Instant dueBetween(Duration from, Duration to) {
		Instant earliest = this.now.plus(from);
		Instant latest = this.now.plus(to);
		boolean overdue = to.isNegative();
		Instant best = null;
		long bestDistance = Long.MAX_VALUE;
		for (Instant received = this.now.minus(SEARCH_STEP); received.isAfter(this.now.minus(SEARCH_LIMIT))
				&& bestDistance > 0; received = received.minus(SEARCH_STEP)) {
			Instant due = this.deadline.from(received).at();
			if (overdue ? !due.isBefore(this.now.minus(MARGIN)) : !due.isAfter(this.now.plus(MARGIN))) {
				continue;
			}
			long distance = due.isBefore(earliest) ? Duration.between(due, earliest).toMinutes()
					: Math.max(0, Duration.between(latest, due).toMinutes());
			if (distance < bestDistance) {
				best = received;
				bestDistance = distance;
			}
		}
		if (best == null) {
			throw new IllegalStateException("No time of arrival gives a deadline " + from + " to " + to + " from now");
		}
		return best;
	}

	private String newReference() {
		String reference;
		do {
			reference = Secrets.newReference();
		}
		while (!this.references.add(reference));
		return reference;
	}

	private static ContactMessage.Sender resident(String name, String email) {
		return new ContactMessage.Sender(name, email, null, PreferredContact.EMAIL, SenderType.RESIDENT);
	}

	private static ContactMessage.Sender residentByPhone(String name, String email, String phone) {
		return new ContactMessage.Sender(name, email, phone, PreferredContact.PHONE, SenderType.RESIDENT);
	}

	private static ContactMessage.Sender business(String name, String email) {
		return new ContactMessage.Sender(name, email, null, PreferredContact.EMAIL, SenderType.BUSINESS);
	}

	private static Duration minutes(long minutes) {
		return Duration.ofMinutes(minutes);
	}

	private static Duration hours(long hours) {
		return Duration.ofHours(hours);
	}

	private static Duration days(long days) {
		return Duration.ofDays(days);
	}

}
