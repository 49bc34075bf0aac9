// The "Load example" articles: three short reports of one FICTIONAL event (a flood in the
// invented town of Marrowby), written for this page. Every place, person, organisation and
// outlet is made up. The figures disagree on purpose (evacuations, deaths, a duration
// written two ways) and the quotations are reworded from one source to the next.

export const EXAMPLE = [
  {
    name: "Valley Courier",
    text: `More than 120 residents were evacuated from their homes in Marrowby on Saturday as floodwaters from the swollen River Tessel rose, and at least 7 people were killed, local officials said.

The Northern Rivers Relief Agency (NRRA) said 34 houses were destroyed along the riverbank. Mayor Ilse Varnholt declared a state of emergency for six months.

"We have never seen the water rise this fast, and we will rebuild every street," Varnholt told reporters at the town hall.

NRRA spokesperson Tomas Okafor-Lind said 12 boats had been sent to the lower districts. "Our crews are working through the night to reach every family," he said.

Rainfall reached 210 millimetres in 24 hours, according to the regional weather office.`,
  },
  {
    name: "Northern Wire",
    text: `Nearly 150 people were evacuated from Marrowby as the River Tessel burst its banks on Saturday. The death toll rose to 9 on Sunday, the Northern Rivers Relief Agency said.

Mayor Ilse Varnholt announced a 180-day state of emergency. "We have never seen water rise so fast, and we will rebuild every single street," the mayor said.

The agency, known as NRRA, said 34 houses had been destroyed. Its spokesman, Tomas Okafor-Lind, said 12 boats were in the lower districts. "Our teams are working through the night to reach each family," Okafor-Lind said.

Residents of nearby Hollin Bridge were told to prepare to leave.`,
  },
  {
    name: "Radio Eastmark",
    text: `About 80 people were evacuated in Marrowby on Saturday after heavy rain swelled the River Tessel. Officials said 9 people were killed.

"We have never seen the river rise this quickly, but we will rebuild every street," Mayor Varnholt said.

The Northern Rivers Relief Agency said about 40 houses were damaged. Emergency measures will stay in place for six months, the mayor's office said.

Local farmer Petra Dunmore said she had lost her entire flock. "The water took everything in one night," Dunmore said.`,
  },
];
